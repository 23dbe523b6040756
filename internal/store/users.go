package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// User is one account row. PasswordHash is an encoded argon2id hash (see
// package auth); it is empty for accounts that cannot sign in.
type User struct {
	ID           int64
	Username     string // lower case, unique
	DisplayName  string
	PasswordHash string
	Role         string // "member", "editor" or "admin"
	Disabled     bool
	Deleted      bool // an anonymised tombstone kept so content keeps an author
	CreatedAt    int64
}

const userColumns = `id, username, display_name, password_hash, role, disabled, deleted, created_at`

func scanUser(sc interface{ Scan(...any) error }) (*User, error) {
	var (
		u                 User
		disabled, deleted int
	)
	if err := sc.Scan(&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Role, &disabled, &deleted, &u.CreatedAt); err != nil {
		return nil, err
	}
	u.Disabled, u.Deleted = disabled != 0, deleted != 0
	return &u, nil
}

// CreateUser inserts u and sets its ID and CreatedAt. A taken username is
// a *film.ConflictError.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	return s.Transact(ctx, func(tx *sql.Tx) error { return s.createUser(ctx, tx, u) })
}

func (s *Store) createUser(ctx context.Context, tx *sql.Tx, u *User) error {
	u.CreatedAt = now()
	err := tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, password_hash, role, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		u.Username, u.DisplayName, u.PasswordHash, u.Role, u.CreatedAt).Scan(&u.ID)
	return s.wrap(err, "create", "user", u.Username)
}

// UserByName returns the account named username (not a deleted one).
func (s *Store) UserByName(ctx context.Context, username string) (*User, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1 AND deleted = 0`, username)
	u, err := scanUser(row)
	if err != nil {
		return nil, s.wrap(notFound(err, "user", username), "get", "user", username)
	}
	return u, nil
}

// UserByID returns the account with id, deleted tombstones included.
func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	key := strconv.FormatInt(id, 10)
	u, err := scanUser(s.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return nil, s.wrap(notFound(err, "user", key), "get", "user", key)
	}
	return u, nil
}

// ListUsers returns every account that is not deleted, by username.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+userColumns+` FROM users WHERE deleted = 0 ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// CountUsers counts the accounts that are not deleted.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE deleted = 0`).Scan(&n)
	return n, err
}

// SetUserRole changes a role and ends every session of the account, so
// the new privileges start with a new session.
func (s *Store) SetUserRole(ctx context.Context, id int64, role string) error {
	return s.updateUser(ctx, id, true, `UPDATE users SET role = $1 WHERE id = $2 AND deleted = 0`, role, id)
}

// SetUserDisabled disables or enables an account; disabling ends its
// sessions.
func (s *Store) SetUserDisabled(ctx context.Context, id int64, disabled bool) error {
	return s.updateUser(ctx, id, disabled, `UPDATE users SET disabled = $1 WHERE id = $2 AND deleted = 0`, boolInt(disabled), id)
}

// SetUserPassword stores a new password hash. It leaves sessions alone:
// an upgrade of the hash's parameters must not sign anyone out; callers
// that change the password itself end the other sessions.
func (s *Store) SetUserPassword(ctx context.Context, id int64, hash string) error {
	return s.updateUser(ctx, id, false, `UPDATE users SET password_hash = $1 WHERE id = $2 AND deleted = 0`, hash, id)
}

// SetUserDisplayName changes the name shown for an account.
func (s *Store) SetUserDisplayName(ctx context.Context, id int64, name string) error {
	return s.updateUser(ctx, id, false, `UPDATE users SET display_name = $1 WHERE id = $2 AND deleted = 0`, name, id)
}

func (s *Store) updateUser(ctx context.Context, id int64, endSessions bool, query string, args ...any) error {
	key := strconv.FormatInt(id, 10)
	return s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return s.wrap(err, "update", "user", key)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundErr("user", key)
		}
		if endSessions {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
				return fmt.Errorf("end sessions of user %d: %w", id, err)
			}
		}
		return nil
	})
}

// DeleteUser deletes an account with its sessions, API keys and resets.
// With anonymise, the row stays as a tombstone (username "deleted-ID", no
// password, no display name) so content that references it stays, shown
// without its author; without it the row goes, and content tables whose
// user_id references users ON DELETE CASCADE lose the account's rows.
func (s *Store) DeleteUser(ctx context.Context, id int64, anonymise bool) error {
	key := strconv.FormatInt(id, 10)
	return s.Transact(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM sessions WHERE user_id = $1`,
			`DELETE FROM api_keys WHERE user_id = $1`,
			`DELETE FROM password_resets WHERE user_id = $1`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("delete user %d: %w", id, err)
			}
		}
		var res sql.Result
		var err error
		if anonymise {
			res, err = tx.ExecContext(ctx, `UPDATE users SET username = $1, display_name = '', email = '', password_hash = '', disabled = 1, deleted = 1
				WHERE id = $2 AND deleted = 0`, "deleted-"+key, id)
		} else {
			res, err = tx.ExecContext(ctx, `DELETE FROM users WHERE id = $1 AND deleted = 0`, id)
		}
		if err != nil {
			return s.wrap(err, "delete", "user", key)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundErr("user", key)
		}
		return nil
	})
}

// errNoRows reports whether err is sql.ErrNoRows.
func errNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
