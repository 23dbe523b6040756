package store

import (
	"context"
	"database/sql"
	"fmt"
)

// RatingChange is a member's current rating of a film whose rating
// changed since the similar lists last took it in; Stars 0 means the
// rating was removed.
type RatingChange struct {
	User   string // the member's name, as EachRating keys members
	FilmID int64
	Stars  float64
}

// PendingRatingChanges returns up to limit queued rating changes (the
// triggers of migration 0017 queue them), each with the member's rating
// now, oldest first, and the queue position to pass to
// ClearRatingChanges once they are applied. A member whose account has
// gone since is left out: the next full build drops their ratings.
func (s *Store) PendingRatingChanges(ctx context.Context, limit int) ([]RatingChange, int64, error) {
	var (
		out  []RatingChange
		upTo int64
	)
	err := s.eachRow(ctx, `SELECT d.id, COALESCE(u.username, ''), d.film_id, COALESCE(mf.rating, 0)
		FROM recommend_dirty d
		LEFT JOIN users u ON u.id = d.user_id
		LEFT JOIN member_films mf ON mf.user_id = d.user_id AND mf.film_id = d.film_id
		ORDER BY d.id LIMIT $1`, []any{limit}, func(rows *sql.Rows) error {
		var (
			c    RatingChange
			half int
		)
		if err := rows.Scan(&upTo, &c.User, &c.FilmID, &half); err != nil {
			return err
		}
		if c.User != "" {
			c.Stars = float64(half) / 2
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("queued rating changes: %w", err)
	}
	return out, upTo, nil
}

// ClearRatingChanges deletes the queued rating changes up to position
// upTo, which the caller has applied.
func (s *Store) ClearRatingChanges(ctx context.Context, upTo int64) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM recommend_dirty WHERE id <= $1", upTo); err != nil {
			return fmt.Errorf("clear queued rating changes: %w", err)
		}
		return nil
	})
}

// SimilarListsBuilt reports whether the similar lists were ever built in
// full, so an import knows the site uses them.
func (s *Store) SimilarListsBuilt(ctx context.Context) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM recommend_state WHERE key = 'built_at'").Scan(&n)
	if err != nil {
		return false, fmt.Errorf("similar lists state: %w", err)
	}
	return n > 0, nil
}

// RatingChangesPosition returns the position of the newest queued rating
// change (0 when none): a full build reads it before the ratings, then
// clears the queue up to it.
func (s *Store) RatingChangesPosition(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM recommend_dirty").Scan(&n); err != nil {
		return 0, fmt.Errorf("queued rating changes: %w", err)
	}
	return n, nil
}
