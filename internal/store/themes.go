package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// SetThemes replaces a film's theme and motif tags.
func (s *Store) SetThemes(ctx context.Context, filmSlug string, themes []film.Theme) error {
	for _, t := range themes {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "themes", filmSlug)
		if err != nil {
			return err
		}
		return s.setThemes(ctx, tx, fid, themes)
	})
}

func (s *Store) setThemes(ctx context.Context, tx *sql.Tx, fid int64, themes []film.Theme) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM film_themes WHERE film_id = $1 AND origin = 'catalog'", fid); err != nil {
		return err
	}
	for _, t := range themes {
		tid, err := resolveTheme(ctx, tx, t)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO film_themes (film_id, theme_id, strength, origin, evidence) VALUES ($1, $2, 0.9, 'catalog', 'catalog')
			ON CONFLICT (film_id, theme_id) DO UPDATE SET origin = CASE film_themes.origin WHEN 'editor' THEN 'editor' ELSE 'catalog' END`, fid, tid)
		if err != nil {
			return err
		}
	}
	return nil
}

// resolveTheme finds the theme a tag names through the vocabulary (its
// normalised key, then the redirects of merged themes, then its slug) or
// creates it, and records the key as one of the theme's spellings.
func resolveTheme(ctx context.Context, tx *sql.Tx, t film.Theme) (int64, error) {
	key := knowledge.Key(t.Name)
	var tid int64
	err := tx.QueryRowContext(ctx, "SELECT theme_id FROM theme_aliases WHERE key = $1", key).Scan(&tid)
	if err == nil {
		return tid, nil
	}
	if err != sql.ErrNoRows {
		return 0, err
	}
	if t.Slug == "" {
		t.Slug = knowledge.Slug(key)
	}
	if t.Kind == "" {
		t.Kind = film.KindTheme
	}
	err = tx.QueryRowContext(ctx, "SELECT theme_id FROM theme_redirects WHERE slug = $1", t.Slug).Scan(&tid)
	if err == sql.ErrNoRows {
		err = tx.QueryRowContext(ctx, `INSERT INTO themes (slug, name, kind) VALUES ($1, $2, $3)
			ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id`, t.Slug, t.Name, string(t.Kind)).Scan(&tid)
	}
	if err != nil {
		return 0, err
	}
	if key != "" {
		if _, err := tx.ExecContext(ctx, "INSERT INTO theme_aliases (key, theme_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", key, tid); err != nil {
			return 0, err
		}
	}
	return tid, nil
}

func filmThemes(ctx context.Context, q querier, fid int64) ([]film.Theme, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.slug, t.name, t.kind FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
		WHERE ft.film_id = $1 ORDER BY t.kind DESC, ft.strength DESC, t.name`, fid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Theme
	for rows.Next() {
		var (
			t    film.Theme
			kind string
		)
		if err := rows.Scan(&t.Slug, &t.Name, &kind); err != nil {
			return nil, err
		}
		t.Kind = film.ThemeKind(kind)
		out = append(out, t)
	}
	return out, rows.Err()
}

// GetTheme returns a theme or motif by slug.
func (s *Store) GetTheme(ctx context.Context, slug string) (*film.Theme, error) {
	var (
		t    film.Theme
		kind string
	)
	err := s.read.QueryRowContext(ctx, "SELECT slug, name, kind FROM themes WHERE slug = $1", slug).Scan(&t.Slug, &t.Name, &kind)
	if err != nil {
		return nil, s.wrap(notFound(err, "theme", slug), "get", "theme", slug)
	}
	t.Kind = film.ThemeKind(kind)
	return &t, nil
}

// Themes returns every theme and motif with the number of films tagged.
func (s *Store) Themes(ctx context.Context) ([]Count, error) {
	out, err := s.counts(ctx, `SELECT t.slug, COUNT(ft.film_id) FROM themes t LEFT JOIN film_themes ft ON ft.theme_id = t.id
		GROUP BY t.slug ORDER BY COUNT(ft.film_id) DESC, t.slug`)
	if err != nil {
		return nil, fmt.Errorf("list themes: %w", err)
	}
	return out, nil
}
