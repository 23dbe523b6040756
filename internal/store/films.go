package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/film"
)

const filmColumns = `f.id, f.slug, f.title, f.original_title, COALESCE(f.year, 0), f.release_date, f.runtime_min,
	f.certification, f.logline, f.setting_place, f.setting_period, f.title_type, f.countries, f.languages,
	COALESCE(f.imdb_id, ''), COALESCE(f.wikidata_id, ''), COALESCE(f.tmdb_id, 0), f.rating_avg, f.rating_votes, f.updated_at`

func scanFilm(sc interface{ Scan(...any) error }) (film.Film, error) {
	var (
		f                    film.Film
		countries, languages string
		updated              int64
	)
	err := sc.Scan(&f.ID, &f.Slug, &f.Title, &f.OriginalTitle, &f.Year, &f.ReleaseDate, &f.RuntimeMin,
		&f.Certification, &f.Logline, &f.Setting.Place, &f.Setting.Period, &f.TitleType, &countries, &languages,
		&f.IDs.IMDb, &f.IDs.Wikidata, &f.IDs.TMDB, &f.Rating.Average, &f.Rating.Votes, &updated)
	f.Countries = splitList(countries)
	f.Languages = splitList(languages)
	f.UpdatedAt = unixTime(updated)
	return f, err
}

// PutFilm inserts f, or updates the film with f's slug, and sets f.ID.
// Genres and themes given on f replace the stored ones.
func (s *Store) PutFilm(ctx context.Context, f *film.Film) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if f.TitleType == "" {
		f.TitleType = "movie"
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		return s.putFilm(ctx, tx, f)
	})
}

func (s *Store) putFilm(ctx context.Context, tx *sql.Tx, f *film.Film) error {
	t := now()
	err := tx.QueryRowContext(ctx, `
		INSERT INTO films (slug, title, original_title, year, release_date, runtime_min, certification,
			logline, setting_place, setting_period, title_type, countries, languages, imdb_id, wikidata_id,
			tmdb_id, rating_avg, rating_votes, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19)
		ON CONFLICT (slug) DO UPDATE SET
			title = excluded.title, original_title = excluded.original_title, year = excluded.year,
			release_date = excluded.release_date, runtime_min = excluded.runtime_min,
			certification = excluded.certification, logline = excluded.logline,
			setting_place = excluded.setting_place, setting_period = excluded.setting_period,
			title_type = excluded.title_type, countries = excluded.countries, languages = excluded.languages,
			imdb_id = excluded.imdb_id, wikidata_id = excluded.wikidata_id, tmdb_id = excluded.tmdb_id,
			rating_avg = excluded.rating_avg, rating_votes = excluded.rating_votes, updated_at = excluded.updated_at
		RETURNING id`,
		f.Slug, f.Title, f.OriginalTitle, nullInt(int64(f.Year)), f.ReleaseDate, f.RuntimeMin, f.Certification,
		f.Logline, f.Setting.Place, f.Setting.Period, f.TitleType, joinList(f.Countries), joinList(f.Languages),
		nullString(f.IDs.IMDb), nullString(f.IDs.Wikidata), nullInt(f.IDs.TMDB), f.Rating.Average, f.Rating.Votes, t,
	).Scan(&f.ID)
	if err != nil {
		return s.wrap(err, "put", "film", f.Slug)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM film_genres WHERE film_id = $1", f.ID); err != nil {
		return s.wrap(err, "put genres of", "film", f.Slug)
	}
	for _, g := range dedupe(f.Genres) {
		if _, err := tx.ExecContext(ctx, "INSERT INTO film_genres (film_id, genre) VALUES ($1, $2)", f.ID, g); err != nil {
			return s.wrap(err, "put genres of", "film", f.Slug)
		}
	}
	if f.Themes != nil {
		if err := s.setThemes(ctx, tx, f.ID, f.Themes); err != nil {
			return s.wrap(err, "put themes of", "film", f.Slug)
		}
	}
	return nil
}

// GetFilm returns the film with the given slug, with its genres and themes.
func (s *Store) GetFilm(ctx context.Context, slug string) (*film.Film, error) {
	return s.getFilm(ctx, "f.slug = $1", slug)
}

// FilmByIMDb returns the film with the given IMDb id (tt…).
func (s *Store) FilmByIMDb(ctx context.Context, id string) (*film.Film, error) {
	return s.getFilm(ctx, "f.imdb_id = $1", id)
}

func (s *Store) getFilm(ctx context.Context, where string, key string) (*film.Film, error) {
	return s.getFilmIn(ctx, s.read, where, key)
}

func (s *Store) getFilmIn(ctx context.Context, q querier, where string, key string) (*film.Film, error) {
	row := q.QueryRowContext(ctx, "SELECT "+filmColumns+" FROM films f WHERE "+where, key)
	f, err := scanFilm(row)
	if err != nil {
		return nil, s.wrap(notFound(err, "film", key), "get", "film", key)
	}
	if f.Genres, err = queryStrings(ctx, q, "SELECT genre FROM film_genres WHERE film_id = $1 ORDER BY genre", f.ID); err != nil {
		return nil, fmt.Errorf("get genres of film %q: %w", key, err)
	}
	if f.Themes, err = filmThemes(ctx, q, f.ID); err != nil {
		return nil, fmt.Errorf("get themes of film %q: %w", key, err)
	}
	return &f, nil
}

// FilmByTitle finds a film by title (case and diacritics folded) and,
// when year is not 0, year. Among several matches it prefers movies with
// more votes.
func (s *Store) FilmByTitle(ctx context.Context, title string, year int) (*film.Film, error) {
	slug := film.Slugify(title)
	if slug == "" {
		return nil, notFoundErr("film", title)
	}
	// Slugs carry the folded title, so an indexed prefix range finds
	// candidates; the exact folded title check happens in Go.
	rows, err := s.read.QueryContext(ctx, "SELECT "+filmColumns+` FROM films f
		WHERE f.slug >= $1 AND f.slug < $2 AND ($3 = 0 OR f.year = $3)
		ORDER BY f.rating_votes DESC LIMIT 50`, slug, slug+"~", year)
	if err != nil {
		return nil, fmt.Errorf("find film %q: %w", title, err)
	}
	defer rows.Close()
	want := film.Fold(title)
	for rows.Next() {
		f, err := scanFilm(rows)
		if err != nil {
			return nil, err
		}
		if film.Slugify(f.Title) == slug || film.Fold(f.Title) == want {
			rows.Close()
			return s.GetFilm(ctx, f.Slug)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, notFoundErr("film", title)
}

// DeleteFilm removes a film and everything that hangs off it.
func (s *Store) DeleteFilm(ctx context.Context, slug string) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM films WHERE slug = $1", slug)
		if err != nil {
			return s.wrap(err, "delete", "film", slug)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundErr("film", slug)
		}
		return nil
	})
}

// FilmFilter selects films for listing: a film.Filter, an order and a
// page.
type FilmFilter struct {
	film.Filter
	Sort   string // a FilmSorts name; "" sorts by title
	Limit  int    // default 50, at most 500
	Offset int
}

// CountFilms returns how many films f selects.
func (s *Store) CountFilms(ctx context.Context, f film.Filter) (int, error) {
	q := "SELECT COUNT(*) FROM films f"
	where, args := FilterSQL(f, FilterColumns{FilmID: "f.id", Film: "f", Membership: true}, 1)
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := s.read.QueryRowContext(ctx, q, args...).Scan(&total); err != nil {
		return 0, fmt.Errorf("count films: %w", err)
	}
	return total, nil
}

// ListFilms returns films matching f, and the total number of matches.
func (s *Store) ListFilms(ctx context.Context, f FilmFilter) ([]film.Film, int, error) {
	total, err := s.CountFilms(ctx, f.Filter)
	if err != nil {
		return nil, 0, err
	}
	films, err := s.ListFilmsPage(ctx, f)
	return films, total, err
}

// ListFilmsPage returns the page of films matching f, without counting
// them (for a caller that knows the total). A decade's early pages in
// title or year order read a bounded number of rows (decadePage).
func (s *Store) ListFilmsPage(ctx context.Context, f FilmFilter) ([]film.Film, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	q, args, ok := decadePage(f, limit)
	if !ok {
		q, args = plainPage(f, limit)
	}
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list films: %w", err)
	}
	defer rows.Close()
	var out []film.Film
	for rows.Next() {
		fm, err := scanFilm(rows)
		if err != nil {
			return nil, fmt.Errorf("list films: %w", err)
		}
		out = append(out, fm)
	}
	return out, rows.Err()
}

// plainPage is the query of a page of films f selects: every match,
// sorted, cut to the page.
func plainPage(f FilmFilter, limit int) (string, []any) {
	where, args := filmWhere(f)
	args = append(args, limit, max(f.Offset, 0))
	return fmt.Sprintf("SELECT %s FROM films f WHERE %s ORDER BY %s LIMIT $%d OFFSET $%d",
		filmColumns, strings.Join(where, " AND "), filmOrder(f.Sort), len(args)-1, len(args)), args
}

// Genres returns every genre with its number of films, most common first.
func (s *Store) Genres(ctx context.Context) ([]Count, error) {
	return s.counts(ctx, "SELECT genre, COUNT(*) FROM film_genres GROUP BY genre ORDER BY COUNT(*) DESC, genre")
}

// Certifications returns every certification in use with its film count.
func (s *Store) Certifications(ctx context.Context) ([]Count, error) {
	return s.counts(ctx, "SELECT certification, COUNT(*) FROM films WHERE certification <> '' GROUP BY certification ORDER BY COUNT(*) DESC, certification")
}

// Decades returns every decade with films, and how many, oldest first.
func (s *Store) Decades(ctx context.Context) ([]Count, error) {
	return s.counts(ctx, "SELECT CAST((year / 10) * 10 AS TEXT), COUNT(*) FROM films WHERE year > 0 GROUP BY year / 10 ORDER BY year / 10")
}
