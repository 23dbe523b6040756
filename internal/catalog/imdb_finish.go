package catalog

import (
	"context"

	"marquee/internal/store"
)

// finish runs after every file is loaded and before indexes are rebuilt:
// ratings for titles not reloaded, unique slugs.
func (l *imdbLoad) finish() error {
	if l.rated && !l.titled {
		// Only title.ratings this time: update the films already there.
		for _, r := range l.rates {
			if id := l.films.get(r.title); id != 0 {
				if at(l.stored.rates, id) == l.stored.rateHash(l.hash, r.avg, int64(r.votes)) {
					l.ratingsUnchanged++
					continue
				}
				l.ratingsUpdated++
				if l.w == nil {
					continue
				}
				if err := store.BulkSetFilmRating(context.Background(), l.w, id, r.avg, int64(r.votes)); err != nil {
					return err
				}
			}
		}
	}
	l.countRatings()
	if l.w == nil {
		return nil
	}
	l.rates = nil
	l.opts.log().Info("making slugs unique")
	if err := dedupeSlugs(l.w, "films", l.filmSlugs); err != nil {
		return err
	}
	return dedupeSlugs(l.w, "people", l.personSlugs)
}

// countCredits runs after the indexes are rebuilt: the grouping then reads
// the credits_person index instead of sorting every credit.
func (l *imdbLoad) countCredits(ctx context.Context) error {
	if l.w == nil {
		return nil
	}
	l.opts.log().Info("counting credits")
	return store.BulkCountCredits(ctx, l.w)
}

// countRatings settles title.ratings' counts: a rating is imported onto a
// film this import adds, updated or unchanged on one the catalog held (as
// its stored rating differs or not); the others matched nothing.
func (l *imdbLoad) countRatings() {
	if l.ratesFile == "" {
		return
	}
	fs := l.sum.file(l.ratesFile)
	fs.Imported, fs.Updated, fs.Unchanged = l.ratingsLanded, l.ratingsUpdated, l.ratingsUnchanged
	if n := int64(len(l.rates)) - l.ratingsLanded - l.ratingsUpdated - l.ratingsUnchanged; n > 0 {
		fs.MatchedNothing = n
		fs.MatchedNothingBy = map[string]int64{"title not in the catalog": n}
	}
}
