package store

import (
	"context"
	"database/sql/driver"
	"strings"
)

// The MovieLens import's per-movie statements, run on its bulk connection
// (see BulkConn). Each writes only where something differs, so an
// identical re-import writes nothing; the counts say what changed.

// BulkMovieLensMovie is a MovieLens movie's record as its movies file and
// links give it: IMDb id "" and TMDb id 0 for none.
type BulkMovieLensMovie struct {
	MovieID, FilmID int64
	Title           string // as the file writes it
	Genres          []string
	IMDb            string
	TMDb            int64
}

// BulkWriteMovieLensMovie writes m's record, its TMDb id onto its film if
// the film has none, and each of alts as an alternative title of the film
// where it lacks it (as one or as its title); it returns how many rows
// changed, and how many of them were alternative titles.
func BulkWriteMovieLensMovie(ctx context.Context, c BulkConn, m BulkMovieLensMovie, alts []string) (changed, altsAdded int64, err error) {
	changed, err = c.ExecCount(ctx, `INSERT INTO movielens_movies (movie_id, film_id, title, genres, imdb_id, tmdb_id)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (movie_id) DO UPDATE SET film_id = excluded.film_id,
		title = excluded.title, genres = excluded.genres, imdb_id = excluded.imdb_id, tmdb_id = excluded.tmdb_id
		WHERE (movielens_movies.film_id, movielens_movies.title, movielens_movies.genres, movielens_movies.imdb_id, movielens_movies.tmdb_id)
		IS DISTINCT FROM (excluded.film_id, excluded.title, excluded.genres, excluded.imdb_id, excluded.tmdb_id)`,
		m.MovieID, m.FilmID, m.Title, strings.Join(m.Genres, ","), nullText(m.IMDb), nullID(m.TMDb))
	if err == nil && m.TMDb != 0 {
		var n int64
		n, err = c.ExecCount(ctx, "UPDATE films SET tmdb_id = ? WHERE id = ? AND tmdb_id IS NULL", m.TMDb, m.FilmID)
		changed += n
	}
	for i := 0; i < len(alts) && err == nil; i++ {
		var n int64
		n, err = c.ExecCount(ctx, `INSERT INTO alt_titles (film_id, ordering, title, region, language)
			SELECT ?, (SELECT COALESCE(MAX(ordering), 0) + 1 FROM alt_titles WHERE film_id = ?), ?, '', ''
			WHERE NOT EXISTS (SELECT 1 FROM alt_titles WHERE film_id = ? AND title = ?)
			AND NOT EXISTS (SELECT 1 FROM films WHERE id = ? AND title = ?)`,
			m.FilmID, m.FilmID, alts[i], m.FilmID, alts[i], m.FilmID, alts[i])
		changed += n
		altsAdded += n
	}
	return changed, altsAdded, err
}

// BulkAdoptIMDb gives film id the IMDb id imdb if it has none.
func BulkAdoptIMDb(ctx context.Context, c BulkConn, id int64, imdb string) error {
	return c.ExecArgs(ctx, "UPDATE films SET imdb_id = ? WHERE id = ? AND imdb_id IS NULL", imdb, id)
}

// BulkFilmByIMDb returns the id of the film with IMDb id imdb, or 0.
func BulkFilmByIMDb(ctx context.Context, c BulkConn, imdb string) (id int64, err error) {
	err = c.QueryArgs(ctx, "SELECT id FROM films WHERE imdb_id = ?", func(v []driver.Value) error {
		id = bulkInt(v[0])
		return nil
	}, imdb)
	return id, err
}

// BulkSlugTaken reports whether a film holds slug.
func BulkSlugTaken(ctx context.Context, c BulkConn, slug string) (taken bool, err error) {
	err = c.QueryArgs(ctx, "SELECT 1 FROM films WHERE slug = ? LIMIT 1", func([]driver.Value) error {
		taken = true
		return nil
	}, slug)
	return taken, err
}

// BulkMovieLensFilm is a film the MovieLens import creates.
type BulkMovieLensFilm struct {
	Slug, Title string
	Year        int // 0: unknown
	IMDb        string
	TMDb        int64
	Genres      []string
	Now         int64 // created_at, updated_at
}

// BulkCreateMovieLensFilm adds f as a movie with its genres and returns
// its id.
func BulkCreateMovieLensFilm(ctx context.Context, c BulkConn, f BulkMovieLensFilm) (id int64, err error) {
	err = c.ExecArgs(ctx, `INSERT INTO films (slug, title, year, title_type, imdb_id, tmdb_id, created_at, updated_at)
		VALUES (?, ?, ?, 'movie', ?, ?, ?, ?)`, f.Slug, f.Title, nullID(int64(f.Year)), nullText(f.IMDb), nullID(f.TMDb), f.Now, f.Now)
	if err != nil {
		return 0, err
	}
	err = c.QueryArgs(ctx, "SELECT id FROM films WHERE slug = ?", func(v []driver.Value) error {
		id = bulkInt(v[0])
		return nil
	}, f.Slug)
	for _, g := range f.Genres {
		if err == nil {
			err = c.ExecArgs(ctx, "INSERT INTO film_genres (film_id, genre) VALUES (?, ?) ON CONFLICT DO NOTHING", id, g)
		}
	}
	return id, err
}

// BulkMovieLensHeld calls fn with every MovieLens movie an earlier import
// gave a film: its movie id, film id and the link's ids ("" and 0 for
// none).
func BulkMovieLensHeld(ctx context.Context, c BulkConn, fn func(movie, film int64, imdb string, tmdb int64)) error {
	return c.QueryArgs(ctx, "SELECT movie_id, film_id, COALESCE(imdb_id, ''), COALESCE(tmdb_id, 0) FROM movielens_movies WHERE film_id IS NOT NULL",
		func(v []driver.Value) error {
			fn(bulkInt(v[0]), bulkInt(v[1]), BulkText(v[2]), bulkInt(v[3]))
			return nil
		})
}

// BulkMovieLensAggregate recomputes each movie's MovieLens rating from
// every MovieLens rating kept.
func BulkMovieLensAggregate(ctx context.Context, c BulkConn) error {
	return c.ExecArgs(ctx, `UPDATE movielens_movies SET rating_avg = r.avg, rating_count = r.n
		FROM (SELECT film_id, AVG(rating) AS avg, COUNT(*) AS n FROM user_ratings
			WHERE source = 'movielens' GROUP BY film_id) AS r
		WHERE movielens_movies.film_id = r.film_id`)
}

// nullText writes "" as NULL on a bulk connection (see nullID).
func nullText(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}
