package catalog

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"
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
		id, err := l.film(c, movie, title, year, genres)
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
		n, err := l.writeMovie(movie, id, c.get("title"), genres, link, alts)
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
// the film lacks; it returns how many rows that changed. Each statement
// writes only where something differs, so an identical re-import writes
// nothing.
func (l *mlLoad) writeMovie(movie, id int64, raw string, genres []string, link mlLink, alts []string) (int64, error) {
	n, err := l.w.execN(`INSERT INTO movielens_movies (movie_id, film_id, title, genres, imdb_id, tmdb_id)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (movie_id) DO UPDATE SET film_id = excluded.film_id,
		title = excluded.title, genres = excluded.genres, imdb_id = excluded.imdb_id, tmdb_id = excluded.tmdb_id
		WHERE (movielens_movies.film_id, movielens_movies.title, movielens_movies.genres, movielens_movies.imdb_id, movielens_movies.tmdb_id)
		IS DISTINCT FROM (excluded.film_id, excluded.title, excluded.genres, excluded.imdb_id, excluded.tmdb_id)`,
		movie, id, raw, strings.Join(genres, ","), nullStr(link.imdb), nullInt(link.tmdb))
	if err == nil && link.tmdb != 0 {
		var m int64
		m, err = l.w.execN("UPDATE films SET tmdb_id = ? WHERE id = ? AND tmdb_id IS NULL", link.tmdb, id)
		n += m
	}
	for i := 0; i < len(alts) && err == nil; i++ {
		var m int64
		m, err = l.w.execN(`INSERT INTO alt_titles (film_id, ordering, title, region, language)
			SELECT ?, (SELECT COALESCE(MAX(ordering), 0) + 1 FROM alt_titles WHERE film_id = ?), ?, '', ''
			WHERE NOT EXISTS (SELECT 1 FROM alt_titles WHERE film_id = ? AND title = ?)
			AND NOT EXISTS (SELECT 1 FROM films WHERE id = ? AND title = ?)`,
			id, id, alts[i], id, alts[i], id, alts[i])
		n += m
		l.indexed = l.indexed || m > 0
	}
	return n, err
}

// film finds or creates the catalog film of a MovieLens movie: by its
// MovieLens id from an earlier import, by the IMDb id its link gives,
// else by title and year among the films no other id claims (none holding
// another IMDb or TMDb id, none another MovieLens movie already has),
// else as a new film. A title match adopts the link's ids.
func (l *mlLoad) film(c *csvFile, movie int64, title string, year int, genres []string) (int64, error) {
	if id, ok := l.films[movie]; ok {
		l.sum.MatchedByID++
		return id, nil
	}
	link := l.linkOf[movie]
	id, err := l.byIMDb(link.imdb)
	if err != nil {
		return 0, err
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
			if err := l.w.exec("UPDATE films SET imdb_id = ? WHERE id = ? AND imdb_id IS NULL", link.imdb, id); err != nil {
				return 0, err
			}
		}
	}
	if id == 0 {
		if id, err = l.create(movie, title, year, link, genres); err != nil {
			return 0, err
		}
	}
	l.films[movie] = id
	l.owner[id] = movie
	return id, nil
}

func (l *mlLoad) byIMDb(imdb string) (int64, error) {
	if imdb == "" {
		return 0, nil
	}
	return l.db.queryInt("SELECT id FROM films WHERE imdb_id = ?", imdb)
}

// create adds a film MovieLens knows and the catalog does not. Its slug
// takes the IMDb id (or the MovieLens id) on a clash, like the IMDb
// import's, so a later IMDb import finds it by imdb_id and keeps the slug.
func (l *mlLoad) create(movie int64, title string, year int, link mlLink, genres []string) (int64, error) {
	if l.w == nil {
		return -1, nil // a dry run: the film would be created
	}
	slug := filmSlug(title, year)
	if n, err := l.db.queryInt("SELECT COUNT(*) FROM films WHERE slug = ?", slug); err != nil {
		return 0, err
	} else if n > 0 {
		if link.imdb != "" {
			slug += "-" + link.imdb
		} else {
			slug += "-ml" + strconv.FormatInt(movie, 10)
		}
	}
	err := l.w.exec(`INSERT INTO films (slug, title, year, title_type, imdb_id, tmdb_id, created_at, updated_at)
		VALUES (?, ?, ?, 'movie', ?, ?, ?, ?)`, slug, title, nullInt(int64(year)), nullStr(link.imdb), nullInt(link.tmdb), l.now, l.now)
	if err != nil {
		return 0, err
	}
	l.sum.noteCreated(slug, title, year)
	l.indexed = true
	id, err := l.db.queryInt("SELECT id FROM films WHERE slug = ?", slug)
	for _, g := range genres {
		if err == nil {
			err = l.w.exec("INSERT INTO film_genres (film_id, genre) VALUES (?, ?) ON CONFLICT DO NOTHING", id, g)
		}
	}
	return id, err
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
func (l *mlLoad) aggregate(context.Context) error {
	return l.w.exec(`UPDATE movielens_movies SET rating_avg = r.avg, rating_count = r.n
		FROM (SELECT film_id, AVG(rating) AS avg, COUNT(*) AS n FROM user_ratings
			WHERE source = 'movielens' GROUP BY film_id) AS r
		WHERE movielens_movies.film_id = r.film_id`)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}
