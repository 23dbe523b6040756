package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// ThemeSummary is a theme with the number of films that carry it.
type ThemeSummary struct {
	film.Theme
	Films int `json:"films"`
}

// ThemeList returns the themes and motifs carried by at least one film,
// most films first.
func (s *Store) ThemeList(ctx context.Context, limit int) ([]ThemeSummary, error) {
	if limit <= 0 {
		limit = 500
	}
	rows, err := s.read.QueryContext(ctx, `SELECT slug, name, kind, film_count FROM themes WHERE film_count > 0
		ORDER BY film_count DESC, name LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list themes: %w", err)
	}
	defer rows.Close()
	var out []ThemeSummary
	for rows.Next() {
		var t ThemeSummary
		var kind string
		if err := rows.Scan(&t.Slug, &t.Name, &kind, &t.Films); err != nil {
			return nil, err
		}
		t.Kind = film.ThemeKind(kind)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ThemeRedirect returns the slug a merged theme's old slug now leads to,
// or film.ErrNotFound.
func (s *Store) ThemeRedirect(ctx context.Context, slug string) (string, error) {
	var to string
	err := s.read.QueryRowContext(ctx, `SELECT t.slug FROM theme_redirects r JOIN themes t ON t.id = r.theme_id WHERE r.slug = $1`, slug).Scan(&to)
	if err != nil {
		return "", s.wrap(notFound(err, "theme", slug), "redirect", "theme", slug)
	}
	return to, nil
}

// RankedFilm is a film on a theme page, with how strongly it carries it.
type RankedFilm struct {
	Slug     string   `json:"slug"`
	Title    string   `json:"title"`
	Year     int      `json:"year,omitempty"`
	Strength float64  `json:"strength"`
	Evidence []string `json:"evidence,omitempty"`
	Director string   `json:"director,omitempty"` // the first director's name
}

// ThemeFilms returns a theme's films, strongest first (then most voted),
// and how many there are.
func (s *Store) ThemeFilms(ctx context.Context, slug string, limit, offset int) ([]RankedFilm, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM film_themes ft JOIN themes t ON t.id = ft.theme_id WHERE t.slug = $1`, slug).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("films of theme %q: %w", slug, err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), ft.strength, ft.evidence,
		COALESCE((SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id WHERE c.film_id = f.id AND c.role = 'director'
			ORDER BY c.billing, p.name LIMIT 1), '')
		FROM film_themes ft JOIN themes t ON t.id = ft.theme_id JOIN films f ON f.id = ft.film_id
		WHERE t.slug = $1 ORDER BY ft.strength DESC, f.rating_votes DESC, f.id LIMIT $2 OFFSET $3`, slug, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("films of theme %q: %w", slug, err)
	}
	defer rows.Close()
	var out []RankedFilm
	for rows.Next() {
		var r RankedFilm
		var ev string
		if err := rows.Scan(&r.Slug, &r.Title, &r.Year, &r.Strength, &ev, &r.Director); err != nil {
			return nil, 0, err
		}
		r.Evidence = splitList(ev)
		out = append(out, r)
	}
	return out, total, rows.Err()
}

// FilmThemeStrengths returns a film's themes and motifs, strongest first.
func (s *Store) FilmThemeStrengths(ctx context.Context, filmSlug string) ([]film.ThemeStrength, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT t.slug, t.name, t.kind, ft.strength, ft.evidence FROM film_themes ft
		JOIN themes t ON t.id = ft.theme_id JOIN films f ON f.id = ft.film_id WHERE f.slug = $1
		ORDER BY ft.strength DESC, t.name`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("themes of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.ThemeStrength
	for rows.Next() {
		var t film.ThemeStrength
		var kind, ev string
		if err := rows.Scan(&t.Slug, &t.Name, &kind, &t.Strength, &ev); err != nil {
			return nil, err
		}
		t.Kind, t.Evidence = film.ThemeKind(kind), splitList(ev)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ThemeGraph returns the limit themes with most films and the links among
// them; with a slug, that theme and its neighbours instead.
func (s *Store) ThemeGraph(ctx context.Context, slug string, limit int) ([]knowledge.Node, []knowledge.Edge, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if slug == "" {
		rows, err = s.read.QueryContext(ctx, `SELECT id, slug, name, film_count FROM themes WHERE film_count > 0
			ORDER BY film_count DESC, name LIMIT $1`, limit)
	} else {
		rows, err = s.read.QueryContext(ctx, `SELECT id, slug, name, film_count FROM themes t WHERE t.slug = $1 OR t.id IN (
			SELECT CASE WHEN e.a = m.id THEN e.b ELSE e.a END FROM theme_edges e JOIN themes m ON m.slug = $1 AND (e.a = m.id OR e.b = m.id))
			ORDER BY CASE WHEN t.slug = $1 THEN 0 ELSE 1 END, film_count DESC, name LIMIT $2`, slug, limit)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("theme graph: %w", err)
	}
	defer rows.Close()
	var (
		nodes []knowledge.Node
		ids   []string
	)
	index := map[int64]int{}
	for rows.Next() {
		var id int64
		var n knowledge.Node
		if err := rows.Scan(&id, &n.Slug, &n.Name, &n.Films); err != nil {
			return nil, nil, err
		}
		index[id] = len(nodes)
		nodes = append(nodes, n)
		ids = append(ids, fmt.Sprint(id))
	}
	if err := rows.Err(); err != nil || len(nodes) == 0 {
		return nodes, nil, err
	}
	rows.Close()
	in := strings.Join(ids, ",") // ids read from the database: integers
	erows, err := s.read.QueryContext(ctx, "SELECT a, b, shared FROM theme_edges WHERE a IN ("+in+") AND b IN ("+in+") ORDER BY shared DESC, a, b")
	if err != nil {
		return nil, nil, fmt.Errorf("theme graph edges: %w", err)
	}
	defer erows.Close()
	var edges []knowledge.Edge
	for erows.Next() {
		var a, b int64
		var e knowledge.Edge
		if err := erows.Scan(&a, &b, &e.Shared); err != nil {
			return nil, nil, err
		}
		e.A, e.B = index[a], index[b]
		edges = append(edges, e)
	}
	return nodes, edges, erows.Err()
}
