package catalog

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// rating is one row of title.ratings, kept until its title is loaded.
type rating struct {
	title uint32
	votes uint32
	avg   float64
}

// ratingTable holds title.ratings sorted by title number: sixteen bytes a
// rated title, and applied as the titles stream past.
type ratingTable []rating

func (rt ratingTable) get(n uint32) (rating, bool) {
	i, ok := slices.BinarySearchFunc(rt, n, func(r rating, n uint32) int { return int(int64(r.title) - int64(n)) })
	if !ok {
		return rating{}, false
	}
	return rt[i], true
}

func (l *imdbLoad) ratings(ctx context.Context, t *tsv) error {
	l.rated = true
	var seen idTable
	err := l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		n, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "tconst", "bad IMDb id: "+clip(f[0]))
		}
		if seen.markSeen(n) {
			return t.fieldErr(0, "tconst", "duplicate key: "+string(f[0]))
		}
		avg, err := strconv.ParseFloat(string(f[1]), 64)
		if err != nil {
			return t.fieldErr(1, "averageRating", "bad rating: "+clip(f[1]))
		}
		if bad := checkScore(avg, 0, 10); bad != "" {
			return t.fieldErr(1, "averageRating", bad)
		}
		votes, err := optInt(f[2])
		if err != nil || votes < 0 || votes > 1<<32-1 {
			return t.fieldErr(2, "numVotes", "bad number: "+clip(f[2]))
		}
		l.rates = append(l.rates, rating{title: n, votes: uint32(votes), avg: avg})
		return nil // counted by countRatings once the titles are in
	})
	l.ratesFile = t.name
	slices.SortFunc(l.rates, func(a, b rating) int { return int(int64(a.title) - int64(b.title)) })
	return err
}

func (l *imdbLoad) titles(ctx context.Context, t *tsv) error {
	l.titled = true
	update := `DO UPDATE SET imdb_id = excluded.imdb_id, title = excluded.title, original_title = excluded.original_title,
		year = excluded.year, runtime_min = excluded.runtime_min, title_type = excluded.title_type, updated_at = excluded.updated_at`
	if l.rated {
		update += ", rating_avg = excluded.rating_avg, rating_votes = excluded.rating_votes"
	}
	films, err := l.w.inserter(insertSpec{table: "films", cols: "id, slug, title, original_title, year, runtime_min, title_type, imdb_id, rating_avg, rating_votes, created_at, updated_at", conflict: "id", action: update})
	if err != nil {
		return err
	}
	genres, err := l.w.inserter(insertSpec{table: "film_genres", cols: "film_id, genre", conflict: "",
		action: "DO NOTHING"})
	if err != nil {
		return err
	}
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		n, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "tconst", "bad IMDb id: "+clip(f[0]))
		}
		if l.films.markSeen(n) {
			return t.fieldErr(0, "tconst", "duplicate key: "+string(f[0]))
		}
		typ := string(f[1])
		title, ok1 := text(f[2])
		orig, ok2 := text(f[3])
		if !ok1 || !ok2 {
			return t.fieldErr(2, "primaryTitle", "invalid UTF-8")
		}
		if title == "" {
			return t.fieldErr(2, "primaryTitle", "empty title")
		}
		if bad := checkTitle(title); bad != "" {
			return t.fieldErr(2, "primaryTitle", bad)
		}
		if bad := checkTitle(orig); bad != "" {
			return t.fieldErr(3, "originalTitle", bad)
		}
		year, err := optInt(f[5])
		if err != nil {
			return t.fieldErr(5, "startYear", "bad number: "+clip(f[5]))
		}
		if bad := checkYear(year); bad != "" {
			return t.fieldErr(5, "startYear", bad)
		}
		runtime, err := optInt(f[7])
		if err != nil {
			return t.fieldErr(7, "runtimeMinutes", "bad number: "+clip(f[7]))
		}
		if bad := checkRuntime(runtime); bad != "" {
			return t.fieldErr(7, "runtimeMinutes", bad)
		}
		if !l.keep(typ) {
			tl.skip("title type not imported: " + typ)
			return nil
		}
		if orig == title {
			orig = ""
		}
		slug := filmSlug(title, int(year))
		id := l.films.get(n)
		existed := id != 0
		if !existed {
			if id = l.adoptFilms[slug]; id != 0 {
				delete(l.adoptFilms, slug)
				existed = true
			} else {
				id = l.next.film
				l.next.film++
				l.filmSlugs.add(slug, id)
			}
			l.films.set(n, id)
		}
		if existed {
			l.noteRename(id, title, int(year), string(f[0]))
		}
		r, rated := l.rates.get(n)
		if rated {
			l.ratingsLanded++
		}
		l.werr = films.add(id, slug, title, orig, nullInt(year), runtime, typ,
			string(f[0]), r.avg, int64(r.votes), l.now, l.now)
		if existed && l.werr == nil && l.w != nil {
			l.werr = l.w.queue("DELETE FROM film_genres WHERE film_id = ?", id)
		}
		eachItem(f[8], func(g []byte) {
			if l.werr == nil {
				l.werr = genres.add(id, string(g))
			}
		})
		if l.werr != nil {
			return nil
		}
		tl.wrote(existed)
		return nil
	})
	return firstErr(err, films.close(), genres.close())
}

func (l *imdbLoad) akas(ctx context.Context, t *tsv) error {
	ins, err := l.w.inserter(insertSpec{table: "alt_titles", cols: "film_id, ordering, title, region, language", conflict: "film_id, ordering",
		action: "DO UPDATE SET title = excluded.title, region = excluded.region, language = excluded.language"})
	if err != nil {
		return err
	}
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		n, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "titleId", "bad IMDb id: "+clip(f[0]))
		}
		ord, err := optInt(f[1])
		if err != nil {
			return t.fieldErr(1, "ordering", "bad number: "+clip(f[1]))
		}
		title, ok1 := text(f[2])
		region, ok2 := text(f[3])
		lang, ok3 := text(f[4])
		if !ok1 || !ok2 || !ok3 {
			return t.fieldErr(2, "title", "invalid UTF-8")
		}
		id := l.films.get(n)
		if id == 0 {
			tl.matchedNothing("title not in the catalog")
			return nil
		}
		if l.werr = ins.add(id, ord, title, region, lang); l.werr != nil {
			return nil
		}
		tl.imported()
		return nil
	})
	return firstErr(err, ins.close())
}

func (l *imdbLoad) episodes(ctx context.Context, t *tsv) error {
	ins, err := l.w.inserter(insertSpec{table: "episodes", cols: "film_id, series_id, season, episode", conflict: "film_id",
		action: "DO UPDATE SET series_id = excluded.series_id, season = excluded.season, episode = excluded.episode"})
	if err != nil {
		return err
	}
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		n, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "tconst", "bad IMDb id: "+clip(f[0]))
		}
		p, ok := imdbNum(f[1], "tt")
		if !ok {
			return t.fieldErr(1, "parentTconst", "bad IMDb id: "+clip(f[1]))
		}
		season, err1 := optInt(f[2])
		ep, err2 := optInt(f[3])
		if err1 != nil || err2 != nil {
			return t.fieldErr(2, "seasonNumber", fmt.Sprintf("bad number: %s/%s", clip(f[2]), clip(f[3])))
		}
		id, series := l.films.get(n), l.films.get(p)
		if id == 0 || series == 0 {
			tl.matchedNothing("title not in the catalog")
			return nil
		}
		if l.werr = ins.add(id, series, season, ep); l.werr != nil {
			return nil
		}
		tl.imported()
		return nil
	})
	return firstErr(err, ins.close())
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
