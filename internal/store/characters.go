package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

// PutCharacter inserts or updates a character of a film (keyed by film and
// character slug). PlayedBySlug, when set, must name a person.
func (s *Store) PutCharacter(ctx context.Context, c film.Character) error {
	if c.Slug == "" {
		c.Slug = film.Slugify(c.Name)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "character", c.FilmSlug)
		if err != nil {
			return err
		}
		var pid sql.NullInt64
		if c.PlayedBySlug != "" {
			id, err := personID(ctx, tx, "character", c.PlayedBySlug)
			if err != nil {
				return err
			}
			pid = sql.NullInt64{Int64: id, Valid: true}
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO characters (film_id, slug, name, description, person_id) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (film_id, slug) DO UPDATE SET name = excluded.name,
				description = excluded.description, person_id = excluded.person_id`,
			fid, c.Slug, c.Name, c.Description, pid)
		return s.wrap(err, "put", "character", c.FilmSlug+"/"+c.Slug)
	})
}

const characterQuery = `SELECT f.slug, f.title, ch.slug, ch.name, ch.description, COALESCE(p.slug, ''), COALESCE(p.name, '')
	FROM characters ch JOIN films f ON f.id = ch.film_id LEFT JOIN people p ON p.id = ch.person_id `

func (s *Store) characters(ctx context.Context, where string, args ...any) ([]film.Character, error) {
	return queryCharacters(ctx, s.read, where, args...)
}

func queryCharacters(ctx context.Context, q querier, where string, args ...any) ([]film.Character, error) {
	rows, err := q.QueryContext(ctx, characterQuery+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Character
	for rows.Next() {
		var c film.Character
		if err := rows.Scan(&c.FilmSlug, &c.FilmTitle, &c.Slug, &c.Name, &c.Description, &c.PlayedBySlug, &c.PlayedByName); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// recordCharacters returns the characters of film f in the order they
// were added, with the film's columns from f rather than from a join.
func recordCharacters(ctx context.Context, q querier, f *film.Film) ([]film.Character, error) {
	rows, err := q.QueryContext(ctx, `SELECT ch.slug, ch.name, ch.description, COALESCE(p.slug, ''), COALESCE(p.name, '')
		FROM characters ch LEFT JOIN people p ON p.id = ch.person_id WHERE ch.film_id = $1 ORDER BY ch.id`, f.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Character
	for rows.Next() {
		c := film.Character{FilmSlug: f.Slug, FilmTitle: f.Title}
		if err := rows.Scan(&c.Slug, &c.Name, &c.Description, &c.PlayedBySlug, &c.PlayedByName); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FilmCharacters returns a film's characters in name order.
func (s *Store) FilmCharacters(ctx context.Context, filmSlug string) ([]film.Character, error) {
	return filmCharacters(ctx, s.read, filmSlug)
}

func filmCharacters(ctx context.Context, q querier, filmSlug string) ([]film.Character, error) {
	out, err := queryCharacters(ctx, q, "WHERE f.slug = $1 ORDER BY ch.id", filmSlug)
	if err != nil {
		return nil, fmt.Errorf("characters of film %q: %w", filmSlug, err)
	}
	return out, nil
}

// GetCharacter returns one character of a film.
func (s *Store) GetCharacter(ctx context.Context, filmSlug, slug string) (*film.Character, error) {
	out, err := s.characters(ctx, "WHERE f.slug = $1 AND ch.slug = $2", filmSlug, slug)
	if err != nil {
		return nil, fmt.Errorf("get character %s/%s: %w", filmSlug, slug, err)
	}
	if len(out) == 0 {
		return nil, notFoundErr("character", filmSlug+"/"+slug)
	}
	return &out[0], nil
}

// PersonCharacters returns the characters a person plays.
func (s *Store) PersonCharacters(ctx context.Context, personSlug string) ([]film.Character, error) {
	out, err := s.characters(ctx, "WHERE p.slug = $1 ORDER BY f.year DESC NULLS LAST, ch.name", personSlug)
	if err != nil {
		return nil, fmt.Errorf("characters of person %q: %w", personSlug, err)
	}
	return out, nil
}
