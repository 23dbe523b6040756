package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

// PutClaims records other sources' values for a film's facts (a budget an
// article states, an editor's runtime), replacing what the same source
// and reference said before for the same fields. The catalog's own value
// stays; pages show every source's figure side by side. This is where an
// article parse's proposed facts land (source "article", ref the film).
func (s *Store) PutClaims(ctx context.Context, filmSlug string, cs []film.Claim) error {
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "claim", filmSlug)
		if err != nil {
			return err
		}
		for _, c := range cs {
			_, err := tx.ExecContext(ctx, `INSERT INTO fact_claims (film_id, field, value, source, source_ref) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (film_id, field, source, source_ref) DO UPDATE SET value = excluded.value`,
				fid, c.Field, c.Value, c.Source, c.SourceRef)
			if err != nil {
				return s.wrap(err, "put", "claim", filmSlug+"/"+c.Field)
			}
		}
		return nil
	})
}

// Claims returns every source's claims for a film, by field then source.
func (s *Store) Claims(ctx context.Context, filmSlug string) ([]film.Claim, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.field, c.value, c.source, c.source_ref FROM fact_claims c
		JOIN films f ON f.id = c.film_id WHERE f.slug = $1 ORDER BY c.field, c.source, c.source_ref`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("claims of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Claim
	for rows.Next() {
		var c film.Claim
		if err := rows.Scan(&c.Field, &c.Value, &c.Source, &c.SourceRef); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
