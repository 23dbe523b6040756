package store

import (
	"errors"

	"context"
	"database/sql"
	"marquee/internal/film"
	"strings"
)

// FilmSlugRedirect returns the current slug of the film that once had
// slug, or film.ErrNotFound. A live film wins over history: a slug that a
// film holds today never redirects, even if another film had it before.
func (s *Store) FilmSlugRedirect(ctx context.Context, slug string) (string, error) {
	var to string
	err := s.read.QueryRowContext(ctx, `SELECT f.slug FROM slug_history h JOIN films f ON f.id = h.film_id
		WHERE h.slug = $1 AND NOT EXISTS (SELECT 1 FROM films l WHERE l.slug = $1)`, strings.ToLower(slug)).Scan(&to)
	if err != nil {
		return "", s.wrap(notFound(err, "film", slug), "redirect", "film", slug)
	}
	return to, nil
}

// RenameFilm gives the film with slug a new title and year, and the slug
// they make (film.FilmSlug, with the IMDb id appended when another film
// holds it). The old slug goes to the slug history, so it answers 301 to
// the new one. It returns the film's slug after the change.
func (s *Store) RenameFilm(ctx context.Context, slug, title string, year int) (string, error) {
	var to string
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var err error
		to, err = s.renameFilm(ctx, tx, slug, title, year)
		return err
	})
	return to, err
}

func (s *Store) renameFilm(ctx context.Context, tx *sql.Tx, slug, title string, year int) (string, error) {
	f := film.Film{Slug: slug, Title: strings.TrimSpace(title), Year: year, TitleType: "movie"}
	if err := f.Validate(); err != nil {
		return "", err
	}
	var (
		id   int64
		imdb string
	)
	err := tx.QueryRowContext(ctx, `SELECT id, COALESCE(imdb_id, '') FROM films WHERE slug = $1`, slug).Scan(&id, &imdb)
	if err != nil {
		return "", s.wrap(notFound(err, "film", slug), "rename", "film", slug)
	}
	to, err := s.freeSlugFor(ctx, tx, id, slug, film.SlugChoices(f.Title, year, imdb, id))
	if err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE films SET slug = $1, title = $2, year = $3, updated_at = $4 WHERE id = $5`,
		to, f.Title, nullInt(int64(year)), now(), id); err != nil {
		return "", s.wrap(err, "rename", "film", slug)
	}
	if to != slug {
		if err := s.recordSlug(ctx, tx, id, slug, to); err != nil {
			return "", err
		}
	}
	return to, nil
}

// freeSlugFor picks the slug film id should have: its current slug when
// that is one of choices (a rename that leaves the slug alone), else the
// first of choices no other film holds.
func (s *Store) freeSlugFor(ctx context.Context, tx *sql.Tx, id int64, current string, choices []string) (string, error) {
	for _, c := range choices {
		if c == current {
			return current, nil
		}
	}
	for _, c := range choices {
		var holder int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM films WHERE slug = $1`, c).Scan(&holder)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && holder == id) {
			return c, nil
		}
		if err != nil {
			return "", s.wrap(err, "rename", "film", current)
		}
	}
	return "", &film.ConflictError{Entity: "film", Key: choices[0]}
}

// recordSlug keeps old as a slug of film id, which now answers to cur. A
// slug is in the history once: the film that left it last owns it.
func (s *Store) recordSlug(ctx context.Context, tx *sql.Tx, id int64, old, cur string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO slug_history (slug, film_id, changed_at) VALUES ($1, $2, $3)
		ON CONFLICT (slug) DO UPDATE SET film_id = excluded.film_id, changed_at = excluded.changed_at`, old, id, now()); err != nil {
		return s.wrap(err, "record slug of", "film", old)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM slug_history WHERE slug = $1`, cur)
	return s.wrap(err, "record slug of", "film", cur)
}
