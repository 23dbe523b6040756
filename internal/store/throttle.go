package store

import (
	"context"
	"fmt"
)

// AddAttempt records one counted attempt (a failed sign-in, a sign-up, a
// reset) under kind and key at t.
func (s *Store) AddAttempt(ctx context.Context, kind, key string, t int64) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO auth_attempts (kind, key, at) VALUES ($1, $2, $3)`, kind, key, t)
	if err != nil {
		return fmt.Errorf("record attempt: %w", err)
	}
	return nil
}

// CountAttempts counts the attempts under kind and key at or after since
// and returns the time of the oldest of them (0 when there are none).
func (s *Store) CountAttempts(ctx context.Context, kind, key string, since int64) (n int, oldest int64, err error) {
	var o *int64
	err = s.read.QueryRowContext(ctx, `SELECT COUNT(*), MIN(at) FROM auth_attempts WHERE kind = $1 AND key = $2 AND at >= $3`,
		kind, key, since).Scan(&n, &o)
	if err != nil {
		return 0, 0, fmt.Errorf("count attempts: %w", err)
	}
	if o != nil {
		oldest = *o
	}
	return n, oldest, nil
}

// ClearAttempts forgets the attempts under kind and key (after a
// successful sign-in) .
func (s *Store) ClearAttempts(ctx context.Context, kind, key string) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM auth_attempts WHERE kind = $1 AND key = $2`, kind, key)
	return err
}

// PruneAttempts deletes attempts older than before.
func (s *Store) PruneAttempts(ctx context.Context, before int64) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM auth_attempts WHERE at < $1`, before)
	return err
}
