package store

import (
	"context"
	"fmt"
)

// IndexEntry is one line of an index page: an entity's page, its name, a
// line of detail and how many films it has (credits, mentions).
type IndexEntry struct {
	Slug   string `json:"slug"`
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
	// Film is the entry's film, for characters (whose pages sit under it).
	Film  FilmRef `json:"film"`
	Count int     `json:"count"`
}

// PeopleIndex returns people with the most credits first, and how many
// people there are.
func (s *Store) PeopleIndex(ctx context.Context, limit, offset int) ([]IndexEntry, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM people").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count people: %w", err)
	}
	out, err := s.index(ctx, `SELECT p.slug, p.name, p.professions, '', '', 0, p.credit_count FROM people p
		ORDER BY p.credit_count DESC, p.name, p.id LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("index of people: %w", err)
	}
	return out, total, nil
}

// MentionIndex returns the places (kind "place") or publications
// ("publication") that dossiers mention, those in the most dossiers first,
// and how many there are.
func (s *Store) MentionIndex(ctx context.Context, kind string, limit, offset int) ([]IndexEntry, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(DISTINCT slug) FROM dossier_links WHERE kind = $1 AND slug <> ''", kind).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count %s mentions: %w", kind, err)
	}
	out, err := s.index(ctx, `SELECT l.slug, MIN(l.name), '', '', '', 0, COUNT(DISTINCT l.film_id) AS n FROM dossier_links l
		WHERE l.kind = $1 AND l.slug <> '' GROUP BY l.slug ORDER BY n DESC, l.slug LIMIT $2 OFFSET $3`, kind, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("index of %s mentions: %w", kind, err)
	}
	return out, total, nil
}

// CharacterIndex returns characters, those of the most-voted films first,
// with who plays them, and how many there are.
func (s *Store) CharacterIndex(ctx context.Context, limit, offset int) ([]IndexEntry, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM characters").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count characters: %w", err)
	}
	out, err := s.index(ctx, `SELECT c.slug, c.name, COALESCE(p.name, ''), f.slug, f.title, COALESCE(f.year, 0), 0 FROM characters c
		JOIN films f ON f.id = c.film_id LEFT JOIN people p ON p.id = c.person_id
		ORDER BY f.rating_votes DESC, f.id, c.name LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("index of characters: %w", err)
	}
	return out, total, nil
}

// index runs an index query whose last two placeholders are limit and
// offset; each row is slug, name, detail, film slug, title and year, count.
func (s *Store) index(ctx context.Context, q string, args ...any) ([]IndexEntry, error) {
	n := len(args)
	args[n-2] = min(max(args[n-2].(int), 1), 500)
	args[n-1] = max(args[n-1].(int), 0)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []IndexEntry
	for rows.Next() {
		var e IndexEntry
		if err := rows.Scan(&e.Slug, &e.Name, &e.Detail, &e.Film.Slug, &e.Film.Title, &e.Film.Year, &e.Count); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
