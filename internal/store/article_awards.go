package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

// putArticleAwards replaces the awards the film's previous dossier
// proposed (source "article:<film>") with as. An award already on record
// from any other source (the awards import, an editor) is left exactly
// as it is: an article proposes, it never overwrites. It returns how many
// awards were added.
func putArticleAwards(ctx context.Context, tx *sql.Tx, filmSlug string, as []film.Award) (int, error) {
	fid, err := filmID(ctx, tx, "award", filmSlug)
	if err != nil {
		return 0, err
	}
	source := "article:" + filmSlug
	if _, err := tx.ExecContext(ctx, "DELETE FROM awards WHERE film_id = $1 AND person_id IS NULL AND source = $2", fid, source); err != nil {
		return 0, err
	}
	added := 0
	for i, a := range as {
		if err := a.Validate(); err != nil {
			return added, fmt.Errorf("article award %d: %w", i+1, err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM awards WHERE ceremony = $1 AND year = $2
			AND category = $3 AND COALESCE(film_id, 0) = $4 AND person_id IS NULL`,
			a.Ceremony, a.Year, a.Category, fid).Scan(&n); err != nil {
			return added, err
		}
		if n > 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO awards (ceremony, year, category, outcome, film_id, person_id, source, source_ref)
			VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)`, a.Ceremony, a.Year, a.Category, string(a.Outcome), fid, source, a.SourceRef); err != nil {
			return added, err
		}
		added++
	}
	return added, nil
}
