package catalog

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"

	"marquee/internal/store"
)

func (l *mlLoad) movies(ctx context.Context, c *csvFile) error {
	return l.each(ctx, c, func(tl *tally) (*RowError, error) {
		movie, err := strconv.ParseInt(c.get("movieId"), 10, 64)
		if err != nil {
			return c.fieldErr("movieId", "bad number: "+strconv.Quote(c.get("movieId"))), nil
		}
		title, year, alts := mlTitle(c.get("title"))
		if title == "" {
			return c.fieldErr("title", "no title: empty"), nil
		}
		if year == 0 && strings.EqualFold(title, "unknown") {
			// 100K's u.item lists a movie it has no title, date or link
			// for as "unknown": a film named so would be one of the
			// catalog's identities that nothing else could ever match.
			return c.fieldErr("title", `no title: "`+title+`" with no year stands for a title the release does not know`), nil
		}
		if bad := checkTitle(c.get("title")); bad != "" {
			return c.fieldErr("title", bad), nil
		}
		if bad := checkYear(int64(year)); bad != "" {
			return c.fieldErr("title", bad), nil
		}
		var genres []string
		for _, g := range strings.Split(c.get("genres"), "|") {
			if g != "" && g != "(no genres listed)" {
				genres = append(genres, g)
			}
		}
		_, existed := l.films[movie] // from an earlier MovieLens import
		id, err := l.film(ctx, c, movie, title, year, genres)
		if err != nil {
			return nil, err
		}
		link, linked := l.linkOf[movie]
		if linked {
			l.linked[movie] = true
		}
		if l.w == nil { // a dry run
			tl.wrote(existed)
			return nil, nil
		}
		n, err := l.writeMovie(ctx, movie, id, c.get("title"), genres, link, alts)
		switch {
		case err != nil:
			return nil, err
		case !existed:
			tl.imported()
		case n > 0:
			tl.wrote(true)
		default:
			tl.unchanged() // its record, link and alternative titles as they were
		}
		return nil, nil
	})
}

// writeMovie writes a movie's MovieLens record, its TMDb id onto its film
// if the film has none, and the alternative titles its title gives that
// the film lacks (store.BulkWriteMovieLensMovie); it returns how many
// rows that changed.
func (l *mlLoad) writeMovie(ctx context.Context, movie, id int64, raw string, genres []string, link mlLink, alts []string) (int64, error) {
	n, added, err := store.BulkWriteMovieLensMovie(ctx, l.w, store.BulkMovieLensMovie{MovieID: movie, FilmID: id, Title: raw,
		Genres: genres, IMDb: link.imdb, TMDb: link.tmdb}, alts)
	l.indexed = l.indexed || added > 0
	return n, err
}

// film finds or creates the catalog film of a MovieLens movie: by its
// MovieLens id from an earlier import, by the IMDb id its link gives,
// else by title and year among the films no other id claims (none holding
// another IMDb or TMDb id, none another MovieLens movie already has),
// else as a new film. A title match adopts the link's ids.
func (l *mlLoad) film(ctx context.Context, c *csvFile, movie int64, title string, year int, genres []string) (int64, error) {
	if id, ok := l.films[movie]; ok {
		l.sum.MatchedByID++
		return id, nil
	}
	link := l.linkOf[movie]
	var id int64
	var err error
	if link.imdb != "" {
		if id, err = store.BulkFilmByIMDb(ctx, l.db, link.imdb); err != nil {
			return 0, err
		}
	}
	if id != 0 {
		l.sum.MatchedByID++
	} else {
		q := matchQuery{title: title, year: year, imdb: link.imdb, tmdb: link.tmdb,
			exclude: func(f int64) bool { m, ok := l.owner[f]; return ok && m != movie }}
		m, err := l.match.find(q)
		if err != nil {
			return 0, err
		}
		l.sum.noteMatch(c.name, c.line, q, m)
		if id = m.id; id != 0 && l.w != nil && link.imdb != "" {
			if err := store.BulkAdoptIMDb(ctx, l.w, id, link.imdb); err != nil {
				return 0, err
			}
		}
	}
	if id == 0 {
		if id, err = l.create(ctx, movie, title, year, link, genres); err != nil {
			return 0, err
		}
	}
	l.films[movie] = id
	l.owner[id] = movie
	return id, nil
}

// create adds a film MovieLens knows and the catalog does not. Its slug
// takes the IMDb id (or the MovieLens id) on a clash, like the IMDb
// import's, so a later IMDb import finds it by imdb_id and keeps the slug.
func (l *mlLoad) create(ctx context.Context, movie int64, title string, year int, link mlLink, genres []string) (int64, error) {
	if l.w == nil {
		return -1, nil // a dry run: the film would be created
	}
	slug := filmSlug(title, year)
	if taken, err := store.BulkSlugTaken(ctx, l.db, slug); err != nil {
		return 0, err
	} else if taken {
		if link.imdb != "" {
			slug += "-" + link.imdb
		} else {
			slug += "-ml" + strconv.FormatInt(movie, 10)
		}
	}
	id, err := store.BulkCreateMovieLensFilm(ctx, l.w, store.BulkMovieLensFilm{Slug: slug, Title: title, Year: year,
		IMDb: link.imdb, TMDb: link.tmdb, Genres: genres, Now: l.now})
	if err != nil {
		return 0, err
	}
	l.sum.noteCreated(slug, title, year)
	l.indexed = true
	return id, nil
}

func (l *mlLoad) ratings(ctx context.Context, c *csvFile) error {
	ins, err := l.w.splitWriter(keyedSpec{table: "user_ratings", cols: "source, external_user, film_id, rating, rated_at",
		conflict: "source, external_user, film_id", update: []string{"rating", "rated_at"}})
	if err != nil {
		return err
	}
	err = l.each(ctx, c, func(tl *tally) (*RowError, error) {
		user := c.get("userId")
		if _, err := strconv.ParseUint(user, 10, 64); err != nil {
			return c.fieldErr("userId", "bad number: "+strconv.Quote(user)), nil
		}
		movie, err := strconv.ParseInt(c.get("movieId"), 10, 64)
		if err != nil {
			return c.fieldErr("movieId", "bad number: "+strconv.Quote(c.get("movieId"))), nil
		}
		r, err := strconv.ParseFloat(c.get("rating"), 64)
		if err != nil || checkScore(r, 0.5, 5) != "" {
			return c.fieldErr("rating", "bad rating (0.5–5): "+strconv.Quote(c.get("rating"))), nil
		}
		ts, err := strconv.ParseInt(c.get("timestamp"), 10, 64)
		if err != nil {
			return c.fieldErr("timestamp", "bad timestamp: "+strconv.Quote(c.get("timestamp"))), nil
		}
		if bad := checkTime(ts); bad != "" {
			return c.fieldErr("timestamp", bad), nil
		}
		id, ok := l.films[movie]
		if !ok || id == 0 {
			tl.matchedNothing("movie not in movies.csv")
			return nil, nil
		}
		return nil, l.writeHeld(tl, ins, id, "movielens", user, id, r, ts)
	})
	return firstErr(err, ins.close(l.sum.file(c.name)))
}

func (l *mlLoad) tags(ctx context.Context, c *csvFile) error {
	ins, err := l.w.splitWriter(keyedSpec{table: "movielens_tags", cols: "user_id, film_id, tag, tagged_at", conflict: "user_id, film_id, tag",
		update: []string{"tagged_at"}})
	if err != nil {
		return err
	}
	err = l.each(ctx, c, func(tl *tally) (*RowError, error) {
		user, err := strconv.ParseInt(c.get("userId"), 10, 64)
		if err != nil {
			return c.fieldErr("userId", "bad number: "+strconv.Quote(c.get("userId"))), nil
		}
		movie, err := strconv.ParseInt(c.get("movieId"), 10, 64)
		if err != nil {
			return c.fieldErr("movieId", "bad number: "+strconv.Quote(c.get("movieId"))), nil
		}
		tag := strings.TrimSpace(c.get("tag"))
		if tag == "" {
			return c.fieldErr("tag", "empty tag"), nil
		}
		ts, err := strconv.ParseInt(c.get("timestamp"), 10, 64)
		if err != nil {
			return c.fieldErr("timestamp", "bad timestamp: "+strconv.Quote(c.get("timestamp"))), nil
		}
		if bad := checkTime(ts); bad != "" {
			return c.fieldErr("timestamp", bad), nil
		}
		if bad := checkTitle(tag); bad != "" {
			return c.fieldErr("tag", bad), nil
		}
		id := l.films[movie]
		if id == 0 {
			tl.matchedNothing("movie not in movies.csv")
			return nil, nil
		}
		return nil, l.writeHeld(tl, ins, id, user, id, tag, ts)
	})
	return firstErr(err, ins.close(l.sum.file(c.name)))
}

// writeHeld writes one rating or tag of film fid through w: one of a
// film no earlier MovieLens import wrote is new (imported); the others
// are counted when w closes (added, updated, or unchanged).
func (l *mlLoad) writeHeld(tl *tally, w *splitWriter, fid int64, vals ...driver.Value) error {
	held := l.held[fid]
	if err := w.add(held, vals...); err != nil {
		return err
	}
	if !held {
		tl.imported()
	}
	return nil
}

// aggregate recomputes each movie's MovieLens rating from every rating
// kept, after the indexes are back, so partial re-imports stay right.
func (l *mlLoad) aggregate(ctx context.Context) error {
	return store.BulkMovieLensAggregate(ctx, l.w)
}
