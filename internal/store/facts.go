package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/film"
)

// PutBoxOffice replaces a film's box-office record.
func (s *Store) PutBoxOffice(ctx context.Context, filmSlug string, b film.BoxOffice) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if b.Currency == "" {
		b.Currency = "USD"
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "box office", filmSlug)
		if err != nil {
			return err
		}
		return putBoxOffice(ctx, tx, fid, b)
	})
}

func putBoxOffice(ctx context.Context, tx *sql.Tx, fid int64, b film.BoxOffice) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO box_office (film_id, currency, budget, opening_weekend, release_type, rankings, source)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (film_id) DO UPDATE SET currency = excluded.currency, budget = excluded.budget,
			opening_weekend = excluded.opening_weekend, release_type = excluded.release_type,
			rankings = excluded.rankings, source = excluded.source`,
		fid, b.Currency, b.Budget, b.OpeningWeekend, b.ReleaseType, strings.Join(b.Rankings, "\n"), b.Source)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM box_office_grosses WHERE film_id = $1", fid); err != nil {
		return err
	}
	for _, g := range b.Grosses {
		if _, err := tx.ExecContext(ctx, "INSERT INTO box_office_grosses (film_id, territory, amount) VALUES ($1, $2, $3)", fid, g.Territory, g.Amount); err != nil {
			return err
		}
	}
	return nil
}

// GetBoxOffice returns a film's box office, or a not-found error.
func (s *Store) GetBoxOffice(ctx context.Context, filmSlug string) (*film.BoxOffice, error) {
	return s.getBoxOffice(ctx, s.read, filmSlug)
}

func (s *Store) getBoxOffice(ctx context.Context, q querier, filmSlug string) (*film.BoxOffice, error) {
	var (
		b        film.BoxOffice
		fid      int64
		rankings string
	)
	err := q.QueryRowContext(ctx, `SELECT b.film_id, b.currency, b.budget, b.opening_weekend, b.release_type, b.rankings, b.source
		FROM box_office b JOIN films f ON f.id = b.film_id WHERE f.slug = $1`, filmSlug).
		Scan(&fid, &b.Currency, &b.Budget, &b.OpeningWeekend, &b.ReleaseType, &rankings, &b.Source)
	if err != nil {
		return nil, s.wrap(notFound(err, "box office", filmSlug), "get", "box office", filmSlug)
	}
	if rankings != "" {
		b.Rankings = strings.Split(rankings, "\n")
	}
	rows, err := q.QueryContext(ctx, `SELECT territory, amount FROM box_office_grosses WHERE film_id = $1
		ORDER BY CASE territory WHEN 'domestic' THEN 0 WHEN 'international' THEN 1 WHEN 'worldwide' THEN 2 ELSE 3 END, territory`, fid)
	if err != nil {
		return nil, fmt.Errorf("grosses of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	for rows.Next() {
		var g film.Gross
		if err := rows.Scan(&g.Territory, &g.Amount); err != nil {
			return nil, err
		}
		b.Grosses = append(b.Grosses, g)
	}
	return &b, rows.Err()
}

// SetFestivals replaces a film's festival screenings.
func (s *Store) SetFestivals(ctx context.Context, filmSlug string, fs []film.Festival) error {
	for _, f := range fs {
		if err := f.Validate(); err != nil {
			return err
		}
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "festivals", filmSlug)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM festivals WHERE film_id = $1", fid); err != nil {
			return err
		}
		for _, f := range fs {
			_, err := tx.ExecContext(ctx, `INSERT INTO festivals (film_id, name, year, section, award, won) VALUES ($1, $2, $3, $4, $5, $6)`,
				fid, f.Name, f.Year, f.Section, f.Award, boolInt(f.Won))
			if err != nil {
				return s.wrap(err, "put", "festival", filmSlug+"/"+f.Name)
			}
		}
		return nil
	})
}

// Festivals returns a film's festival screenings in date order.
func (s *Store) Festivals(ctx context.Context, filmSlug string) ([]film.Festival, error) {
	return s.festivals(ctx, s.read, filmSlug)
}

func (s *Store) festivals(ctx context.Context, q querier, filmSlug string) ([]film.Festival, error) {
	rows, err := q.QueryContext(ctx, `SELECT fe.name, fe.year, fe.section, fe.award, fe.won FROM festivals fe
		JOIN films f ON f.id = fe.film_id WHERE f.slug = $1 ORDER BY fe.year, fe.name, fe.award`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("festivals of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Festival
	for rows.Next() {
		var (
			f   film.Festival
			won int
		)
		if err := rows.Scan(&f.Name, &f.Year, &f.Section, &f.Award, &won); err != nil {
			return nil, err
		}
		f.Won = won != 0
		out = append(out, f)
	}
	return out, rows.Err()
}

// SetAdvisories replaces a film's content advisories.
func (s *Store) SetAdvisories(ctx context.Context, filmSlug string, as []film.Advisory) error {
	for _, a := range as {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "advisories", filmSlug)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM advisories WHERE film_id = $1", fid); err != nil {
			return err
		}
		for _, a := range as {
			src := a.Source
			if src == "" {
				src = string(film.SourceImport)
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO advisories (film_id, category, severity, note, source) VALUES ($1, $2, $3, $4, $5)",
				fid, string(a.Category), string(a.Severity), a.Note, src)
			if err != nil {
				return s.wrap(err, "put", "advisory", filmSlug+"/"+string(a.Category))
			}
		}
		return nil
	})
}

// Advisories returns a film's content advisories in category order.
func (s *Store) Advisories(ctx context.Context, filmSlug string) ([]film.Advisory, error) {
	return s.advisories(ctx, s.read, filmSlug)
}

func (s *Store) advisories(ctx context.Context, q querier, filmSlug string) ([]film.Advisory, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.category, a.severity, a.note, a.source FROM advisories a
		JOIN films f ON f.id = a.film_id WHERE f.slug = $1`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("advisories of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	byCat := map[film.AdvisoryCategory]film.Advisory{}
	for rows.Next() {
		var cat, sev string
		var a film.Advisory
		if err := rows.Scan(&cat, &sev, &a.Note, &a.Source); err != nil {
			return nil, err
		}
		a.Category, a.Severity = film.AdvisoryCategory(cat), film.Severity(sev)
		byCat[a.Category] = a
	}
	var out []film.Advisory
	for _, c := range film.AdvisoryCategories {
		if a, ok := byCat[c]; ok {
			out = append(out, a)
		}
	}
	return out, rows.Err()
}

// PutRelation adds or updates a relation from one film to another.
func (s *Store) PutRelation(ctx context.Context, r film.Relation) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		a, err := filmID(ctx, tx, "relation", r.FilmSlug)
		if err != nil {
			return err
		}
		b, err := filmID(ctx, tx, "relation", r.OtherSlug)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO relations (film_id, other_id, kind, reason) VALUES ($1, $2, $3, $4)
			ON CONFLICT (film_id, other_id, kind) DO UPDATE SET reason = excluded.reason`, a, b, string(r.Kind), r.Reason)
		return s.wrap(err, "put", "relation", r.FilmSlug+"→"+r.OtherSlug)
	})
}

// Relations returns the films a film relates to.
func (s *Store) Relations(ctx context.Context, filmSlug string) ([]film.Relation, error) {
	return s.relations(ctx, s.read, filmSlug)
}

func (s *Store) relations(ctx context.Context, q querier, filmSlug string) ([]film.Relation, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.slug, o.title, COALESCE(o.year, 0), r.kind, r.reason FROM relations r
		JOIN films f ON f.id = r.film_id JOIN films o ON o.id = r.other_id WHERE f.slug = $1 ORDER BY o.year DESC NULLS LAST, o.title`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("relations of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Relation
	for rows.Next() {
		r := film.Relation{FilmSlug: filmSlug}
		var kind string
		if err := rows.Scan(&r.OtherSlug, &r.OtherTitle, &r.OtherYear, &kind, &r.Reason); err != nil {
			return nil, err
		}
		r.Kind = film.RelationKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
