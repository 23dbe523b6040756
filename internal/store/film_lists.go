package store

import (
	"context"
	"fmt"
	"strings"

	"marquee/internal/film"
)

// FilmSorts are the orders ListFilms knows, by the name a request gives:
// title (A–Z), year (newest first), rating (a weighted mean, so a film
// with a handful of perfect votes does not outrank a classic), votes
// (most votes first) and popular (the same order as votes; the older name).
var FilmSorts = map[string]string{
	"title":   "f.title, f.year NULLS LAST, f.id",
	"year":    "f.year DESC NULLS LAST, f.title, f.id",
	"rating":  "(f.rating_avg * f.rating_votes + 6.5 * 1000) / (f.rating_votes + 1000) DESC, f.rating_votes DESC, f.id",
	"votes":   "f.rating_votes DESC, f.id",
	"popular": "f.rating_votes DESC, f.id",
}

// SortNames lists FilmSorts' names in the order pages offer them.
var SortNames = []string{"title", "year", "rating", "votes", "popular"}

// filmOrder is the ORDER BY of a ListFilms sort; an unknown or empty name
// sorts by title (callers refuse unknown names before they get here).
func filmOrder(sort string) string {
	if o, ok := FilmSorts[sort]; ok {
		return o
	}
	return FilmSorts["title"]
}

// Credited is a person as a list shows them beside a film.
type Credited struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// FilmDirectors returns the directors of the films with the given
// internal ids, in billing order, in one query.
func (s *Store) FilmDirectors(ctx context.Context, ids []int64) (map[int64][]Credited, error) {
	out := map[int64][]Credited{}
	if len(ids) == 0 {
		return out, nil
	}
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = fmt.Sprintf("$%d", i+1)
		args[i] = id
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.film_id, p.slug, p.name FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.role = 'director' AND c.film_id IN (`+strings.Join(ph, ",")+`) ORDER BY c.film_id, c.billing, p.name`, args...)
	if err != nil {
		return nil, fmt.Errorf("directors of films: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			c  Credited
		)
		if err := rows.Scan(&id, &c.Slug, &c.Name); err != nil {
			return nil, fmt.Errorf("directors of films: %w", err)
		}
		if n := len(out[id]); n == 0 || out[id][n-1].Slug != c.Slug {
			out[id] = append(out[id], c)
		}
	}
	return out, rows.Err()
}

// PopularFilms returns up to limit films with the most votes.
func (s *Store) PopularFilms(ctx context.Context, limit int) ([]film.Film, error) {
	return s.filmsBy(ctx, "popular films", "WHERE f.rating_votes > 0 ORDER BY f.rating_votes DESC, f.id", limit)
}

// RecentlyAddedFilms returns up to limit films, the last added first.
func (s *Store) RecentlyAddedFilms(ctx context.Context, limit int) ([]film.Film, error) {
	return s.filmsBy(ctx, "recently added films", "ORDER BY f.id DESC", limit)
}

func (s *Store) filmsBy(ctx context.Context, what, tail string, limit int) ([]film.Film, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+filmColumns+" FROM films f "+tail+" LIMIT $1", min(max(limit, 1), 100))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []film.Film
	for rows.Next() {
		fm, err := scanFilm(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, fm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// NamesBySlug returns the names of the people (table "people") or themes
// ("themes") with the given slugs, by slug; unknown slugs are absent.
func (s *Store) NamesBySlug(ctx context.Context, table string, slugs []string) (map[string]string, error) {
	out := map[string]string{}
	if table != "people" && table != "themes" {
		return nil, fmt.Errorf("names of %q: not a table of named things", table)
	}
	if len(slugs) == 0 {
		return out, nil
	}
	ph := make([]string, len(slugs))
	args := make([]any, len(slugs))
	for i, sl := range slugs {
		ph[i] = fmt.Sprintf("$%d", i+1)
		args[i] = sl
	}
	rows, err := s.read.QueryContext(ctx, "SELECT slug, name FROM "+table+" WHERE slug IN ("+strings.Join(ph, ",")+")", args...)
	if err != nil {
		return nil, fmt.Errorf("names of %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var slug, name string
		if err := rows.Scan(&slug, &name); err != nil {
			return nil, fmt.Errorf("names of %s: %w", table, err)
		}
		out[slug] = name
	}
	return out, rows.Err()
}

// FillGenres sets the genres of each film in fs, in one query, for lists
// read without them (ListFilms).
func (s *Store) FillGenres(ctx context.Context, fs []film.Film) error { return s.fillGenres(ctx, fs) }

// PersonKnownFor returns up to limit films the person with the given slug
// is credited on, in any role, those with the most votes first (then the
// newest): what they are known for.
func (s *Store) PersonKnownFor(ctx context.Context, slug string, limit int) ([]film.Film, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+filmColumns+` FROM films f
		WHERE f.id IN (SELECT c.film_id FROM credits c JOIN people p ON p.id = c.person_id WHERE p.slug = $1)
		ORDER BY f.rating_votes DESC, f.year DESC NULLS LAST, f.id LIMIT $2`, slug, min(max(limit, 1), 20))
	if err != nil {
		return nil, fmt.Errorf("films %q is known for: %w", slug, err)
	}
	defer rows.Close()
	var out []film.Film
	for rows.Next() {
		fm, err := scanFilm(rows)
		if err != nil {
			return nil, fmt.Errorf("films %q is known for: %w", slug, err)
		}
		out = append(out, fm)
	}
	return out, rows.Err()
}
