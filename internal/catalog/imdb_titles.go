package catalog

import (
	"context"
	"database/sql/driver"
	"fmt"
	"slices"
	"strconv"

	"marquee/internal/store"
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
		if existed && !l.heldTitle(tl, id, title, orig, year, runtime, typ, f[8], r, rated) {
			return nil // the catalog holds it as it is
		}
		if rated && !existed {
			l.ratingsLanded++
		}
		l.werr = films.add(id, slug, title, orig, nullInt(year), runtime, typ,
			string(f[0]), r.avg, int64(r.votes), l.now, l.now)
		if existed && l.werr == nil && l.w != nil {
			l.werr = store.BulkQueueClearGenres(l.w, id)
		}
		eachItem(f[8], func(g []byte) {
			if l.werr == nil {
				l.werr = genres.add(id, string(g))
			}
		})
		if l.werr == nil && !existed {
			tl.imported()
		}
		return nil
	})
	return firstErr(err, films.close(), genres.close())
}

// heldTitle compares a title.basics row of a film the catalog held with
// its record: it counts the row (updated or unchanged) and its rating's
// row of title.ratings (updated or unchanged), and reports whether the
// film must be written. A rating dropped from title.ratings is a change
// of the title's row.
func (l *imdbLoad) heldTitle(tl *tally, id int64, title, orig string, year, runtime int64, typ string, genres []byte, r rating, rated bool) bool {
	s := &l.stored
	var (
		sum  uint64
		seen = make([]string, 0, 4)
	)
	eachItem(genres, func(g []byte) {
		if !slices.Contains(seen, string(g)) {
			seen = append(seen, string(g))
			sum += s.genreHash(string(g))
		}
	})
	same := at(s.films, id) == s.filmHash(l.hash, title, orig, year, runtime, typ, sum)
	rateSame := true
	if l.rated {
		rateSame = at(s.rates, id) == s.rateHash(l.hash, r.avg, int64(r.votes))
		switch {
		case rated && rateSame:
			l.ratingsUnchanged++
		case rated:
			l.ratingsUpdated++
		}
	}
	if same && (rateSame || rated) {
		tl.unchanged()
	} else {
		tl.wrote(true)
	}
	return !same || !rateSame
}

func (l *imdbLoad) akas(ctx context.Context, t *tsv) error {
	ins, err := l.w.splitWriter(keyedSpec{table: "alt_titles", cols: "film_id, ordering, title, region, language", conflict: "film_id, ordering",
		update: []string{"title", "region", "language"}})
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
		return l.writeHeld(tl, ins, id, id, ord, title, region, lang)
	})
	return firstErr(err, ins.close(l.sum.file(t.name)))
}

func (l *imdbLoad) episodes(ctx context.Context, t *tsv) error {
	ins, err := l.w.splitWriter(keyedSpec{table: "episodes", cols: "film_id, series_id, season, episode", conflict: "film_id",
		update: []string{"series_id", "season", "episode"}})
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
		return l.writeHeld(tl, ins, id, id, series, season, ep)
	})
	return firstErr(err, ins.close(l.sum.file(t.name)))
}

// writeHeld writes one row of film fid through w: a row of a film this
// import adds is imported; one of a film the catalog held is counted when
// w closes (added, updated, or unchanged).
func (l *imdbLoad) writeHeld(tl *tally, w *splitWriter, fid int64, vals ...driver.Value) *RowError {
	held := fid < l.firstNew
	if l.werr = w.add(held, vals...); l.werr == nil && !held {
		tl.imported()
	}
	return nil
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

// nullInt writes 0 as NULL.
func nullInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}
