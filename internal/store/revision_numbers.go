package store

import (
	"context"
	"fmt"
)

// DossierRevisionNumbers returns the numbers of a film's dossier
// revisions, newest first: their count is the history's total, and the
// number at offset n tells where a history page starting there begins.
// A film without a dossier has none.
func (s *Store) DossierRevisionNumbers(ctx context.Context, filmSlug string) ([]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.revision FROM dossier_revisions r JOIN films f ON f.id = r.film_id
		WHERE f.slug = $1 ORDER BY r.revision DESC`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("revisions of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("revisions of %q: %w", filmSlug, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
