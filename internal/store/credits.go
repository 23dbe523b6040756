package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"marquee/internal/film"
)

// PutCredit adds a credit, or updates the billing and job of an identical one. The
// film and the person must exist.
func (s *Store) PutCredit(ctx context.Context, c film.Credit) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.Transact(ctx, func(tx *sql.Tx) error { return s.putCredit(ctx, tx, c) })
}

func (s *Store) putCredit(ctx context.Context, tx *sql.Tx, c film.Credit) error {
	key := c.FilmSlug + "/" + c.PersonSlug + "/" + string(c.Role)
	fid, err := filmID(ctx, tx, "credit", c.FilmSlug)
	if err != nil {
		return err
	}
	pid, err := personID(ctx, tx, "credit", c.PersonSlug)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO credits (film_id, person_id, role, character_name, billing, job) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (film_id, person_id, role, character_name) DO UPDATE SET billing = excluded.billing, job = excluded.job`,
		fid, pid, string(c.Role), c.Character, c.Billing, c.Job)
	if err != nil {
		return s.wrap(err, "put", "credit", key)
	}
	_, err = tx.ExecContext(ctx, `UPDATE people SET credit_count = (SELECT COUNT(*) FROM credits WHERE person_id = $1) WHERE id = $1`, pid)
	return s.wrap(err, "count credits of", "person", c.PersonSlug)
}

const creditQuery = `SELECT f.slug, f.title, COALESCE(f.year, 0), p.slug, p.name, c.role, c.character_name, c.billing, c.job
	FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id `

func (s *Store) credits(ctx context.Context, where, order, key string) ([]film.Credit, error) {
	return queryCredits(ctx, s.read, where, order, key)
}

// queryCredits runs creditQuery with where and, unless order is empty,
// ORDER BY order.
func queryCredits(ctx context.Context, q querier, where, order string, args ...any) ([]film.Credit, error) {
	if order != "" {
		where += " ORDER BY " + order
	}
	rows, err := q.QueryContext(ctx, creditQuery+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Credit
	for rows.Next() {
		var (
			c    film.Credit
			role string
		)
		if err := rows.Scan(&c.FilmSlug, &c.FilmTitle, &c.FilmYear, &c.PersonSlug, &c.PersonName, &role, &c.Character, &c.Billing, &c.Job); err != nil {
			return nil, err
		}
		c.Role = film.Role(role)
		out = append(out, c)
	}
	return out, rows.Err()
}

// FilmCredits returns a film's credits in role order, billing order within
// a role (unbilled last).
func (s *Store) FilmCredits(ctx context.Context, filmSlug string) ([]film.Credit, error) {
	return filmCredits(ctx, s.read, filmSlug)
}

func filmCredits(ctx context.Context, q querier, filmSlug string) ([]film.Credit, error) {
	out, err := queryCredits(ctx, q, "WHERE f.slug = $1", roleOrder+", CASE WHEN c.billing = 0 THEN 1 ELSE 0 END, c.billing, p.name", filmSlug)
	if err != nil {
		return nil, fmt.Errorf("credits of film %q: %w", filmSlug, err)
	}
	return out, nil
}

// PersonCredits returns a person's credits, newest film first.
func (s *Store) PersonCredits(ctx context.Context, personSlug string) ([]film.Credit, error) {
	out, err := s.credits(ctx, "WHERE p.slug = $1", "f.year DESC NULLS LAST, f.title, "+roleOrder, personSlug)
	if err != nil {
		return nil, fmt.Errorf("credits of person %q: %w", personSlug, err)
	}
	return out, nil
}

// recordCredits returns the credits of film f in the order of
// filmCredits, sorted here rather than by the database: the film page
// reads them on every request, and a few rows sort faster in Go than
// through SQLite's sorter. Every row is f's, so the film's columns come
// from f rather than from a join to films for each row.
func recordCredits(ctx context.Context, q querier, f *film.Film) ([]film.Credit, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.slug, p.name, c.role, c.character_name, c.billing, c.job
		FROM credits c JOIN people p ON p.id = c.person_id WHERE c.film_id = $1`, f.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Credit
	for rows.Next() {
		c := film.Credit{FilmSlug: f.Slug, FilmTitle: f.Title, FilmYear: f.Year}
		var role string
		if err := rows.Scan(&c.PersonSlug, &c.PersonName, &role, &c.Character, &c.Billing, &c.Job); err != nil {
			return nil, err
		}
		c.Role = film.Role(role)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ra, rb := roleRank(a.Role), roleRank(b.Role); ra != rb {
			return ra < rb
		}
		if (a.Billing == 0) != (b.Billing == 0) {
			return b.Billing == 0 // unbilled last
		}
		if a.Billing != b.Billing {
			return a.Billing < b.Billing
		}
		return a.PersonName < b.PersonName
	})
	return out, nil
}

// roleRank is roleOrder in Go.
func roleRank(r film.Role) int {
	switch r {
	case film.RoleDirector:
		return 0
	case film.RoleWriter:
		return 1
	case film.RoleCast:
		return 2
	case film.RoleCinematographer:
		return 3
	case film.RoleEditor:
		return 4
	case film.RoleComposer:
		return 5
	case film.RoleProducer:
		return 6
	}
	return 7
}

const roleOrder = `CASE c.role WHEN 'director' THEN 0 WHEN 'writer' THEN 1 WHEN 'cast' THEN 2
	WHEN 'cinematographer' THEN 3 WHEN 'editor' THEN 4 WHEN 'composer' THEN 5 WHEN 'producer' THEN 6 ELSE 7 END`

// Directors returns the names of a film's directors in billing order.
func (s *Store) Directors(ctx context.Context, filmSlug string) ([]string, error) {
	return s.strings(ctx, `SELECT p.name FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
		WHERE f.slug = $1 AND c.role = 'director' ORDER BY c.billing, p.name`, filmSlug)
}
