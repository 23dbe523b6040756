package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Session is one signed-in browser. TokenHash is the hex SHA-256 of the
// cookie value; the value itself is never stored.
type Session struct {
	ID         int64
	TokenHash  string
	UserID     int64
	CSRF       string
	CreatedAt  int64
	LastSeenAt int64
	ExpiresAt  int64 // end of the absolute lifetime
	Address    string
	UserAgent  string
}

const sessionColumns = `s.id, s.token_hash, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at, s.address, s.user_agent`

func scanSession(sc interface{ Scan(...any) error }, extra ...any) (*Session, error) {
	var x Session
	dst := append([]any{&x.ID, &x.TokenHash, &x.UserID, &x.CSRF, &x.CreatedAt, &x.LastSeenAt, &x.ExpiresAt, &x.Address, &x.UserAgent}, extra...)
	if err := sc.Scan(dst...); err != nil {
		return nil, err
	}
	return &x, nil
}

// CreateSession stores x and, when replaces is not empty, deletes the
// session with that token hash in the same transaction (rotation).
func (s *Store) CreateSession(ctx context.Context, x *Session, replaces string) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		if replaces != "" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, replaces); err != nil {
				return fmt.Errorf("rotate session: %w", err)
			}
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at, address, user_agent)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			x.TokenHash, x.UserID, x.CSRF, x.CreatedAt, x.LastSeenAt, x.ExpiresAt, x.Address, x.UserAgent).Scan(&x.ID)
		if err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return nil
	})
}

// SessionByToken returns the live session whose token hash is tokenHash
// and its account: not past expiresAt, seen at or after idleSince, and
// belonging to an account that is neither disabled nor deleted.
func (s *Store) SessionByToken(ctx context.Context, tokenHash string, nowUnix, idleSince int64) (*Session, *User, error) {
	row := s.callers.QueryRowContext(ctx, `SELECT `+sessionColumns+`, `+prefixed("u.", userColumns)+`
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at >= $3 AND u.disabled = 0 AND u.deleted = 0`,
		tokenHash, nowUnix, idleSince)
	var (
		u                 User
		disabled, deleted int
	)
	x, err := scanSession(row, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Role, &disabled, &deleted, &u.CreatedAt)
	if err != nil {
		return nil, nil, notFound(err, "session", "")
	}
	u.Disabled, u.Deleted = disabled != 0, deleted != 0
	return x, &u, nil
}

// TouchSession records that a session was used at t.
func (s *Store) TouchSession(ctx context.Context, id, t int64) error {
	_, err := s.write.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id = $2`, t, id)
	return err
}

// UserSessions lists the live sessions of an account (not past
// expiresAt, seen at or after idleSince), most recently seen first.
func (s *Store) UserSessions(ctx context.Context, userID, nowUnix, idleSince int64) ([]Session, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions s
		WHERE s.user_id = $1 AND s.expires_at > $2 AND s.last_seen_at >= $3
		ORDER BY s.last_seen_at DESC, s.id DESC`, userID, nowUnix, idleSince)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("list sessions: %w", err)
		}
		out = append(out, *x)
	}
	return out, rows.Err()
}

// SessionOwner returns the account a session belongs to.
func (s *Store) SessionOwner(ctx context.Context, id int64) (int64, error) {
	var uid int64
	err := s.read.QueryRowContext(ctx, `SELECT user_id FROM sessions WHERE id = $1`, id).Scan(&uid)
	return uid, notFound(err, "session", strconv.FormatInt(id, 10))
}

// DeleteSession ends one session of an account.
func (s *Store) DeleteSession(ctx context.Context, userID, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1 AND user_id = $2`, id, userID)
	if err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFoundErr("session", strconv.FormatInt(id, 10))
	}
	return nil
}

// DeleteSessionByToken ends the session with that token hash, if any.
func (s *Store) DeleteSessionByToken(ctx context.Context, tokenHash string) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return err
}

// DeleteUserSessions ends every session of an account but the one whose
// token hash is keep (none when keep is empty) and returns how many ended.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64, keep string) (int64, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, userID, keep)
	if err != nil {
		return 0, fmt.Errorf("delete sessions: %w", err)
	}
	return res.RowsAffected()
}

// DeleteExpiredSessions removes sessions past their absolute end or idle
// since before idleSince.
func (s *Store) DeleteExpiredSessions(ctx context.Context, nowUnix, idleSince int64) (int64, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2`, nowUnix, idleSince)
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	return res.RowsAffected()
}

// prefixed puts p before every name of a comma-separated column list.
func prefixed(p, cols string) string { return p + strings.ReplaceAll(cols, ", ", ", "+p) }
