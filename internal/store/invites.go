package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

// ErrTokenUsed is returned (wrapped) for an invite or reset token that is
// unknown, expired or already used; the three are not told apart.
var ErrTokenUsed = fmt.Errorf("link is invalid, expired or already used: %w", film.ErrNotFound)

// Invite is a single-use sign-up link.
type Invite struct {
	ID        int64
	TokenHash string
	Role      string
	CreatedBy string
	CreatedAt int64
	ExpiresAt int64
}

// CreateInvite stores an invite.
func (s *Store) CreateInvite(ctx context.Context, in *Invite) error {
	in.CreatedAt = now()
	err := s.write.QueryRowContext(ctx, `INSERT INTO invites (token_hash, role, created_by, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, in.TokenHash, in.Role, in.CreatedBy, in.CreatedAt, in.ExpiresAt).Scan(&in.ID)
	if err != nil {
		return fmt.Errorf("create invite: %w", err)
	}
	return nil
}

// InviteByToken returns the unused, unexpired invite with that hash.
func (s *Store) InviteByToken(ctx context.Context, tokenHash string, nowUnix int64) (*Invite, error) {
	var in Invite
	err := s.read.QueryRowContext(ctx, `SELECT id, token_hash, role, created_by, created_at, expires_at FROM invites
		WHERE token_hash = $1 AND used_at = 0 AND expires_at > $2`, tokenHash, nowUnix).
		Scan(&in.ID, &in.TokenHash, &in.Role, &in.CreatedBy, &in.CreatedAt, &in.ExpiresAt)
	if err == sql.ErrNoRows {
		return nil, ErrTokenUsed
	}
	if err != nil {
		return nil, fmt.Errorf("get invite: %w", err)
	}
	return &in, nil
}

// CreateUserWithInvite creates u and spends the invite in one
// transaction; of two sign-ups racing on one invite, one fails with
// ErrTokenUsed and creates nothing. u.Role is set from the invite.
func (s *Store) CreateUserWithInvite(ctx context.Context, u *User, tokenHash string, nowUnix int64) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		var role string
		err := tx.QueryRowContext(ctx, `SELECT role FROM invites WHERE token_hash = $1 AND used_at = 0 AND expires_at > $2`, tokenHash, nowUnix).Scan(&role)
		if err == sql.ErrNoRows {
			return ErrTokenUsed
		}
		if err != nil {
			return fmt.Errorf("spend invite: %w", err)
		}
		u.Role = role
		if err := s.createUser(ctx, tx, u); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE invites SET used_by = $1, used_at = $2 WHERE token_hash = $3 AND used_at = 0`, u.ID, nowUnix, tokenHash)
		if err != nil {
			return fmt.Errorf("spend invite: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return ErrTokenUsed
		}
		return nil
	})
}

// CreatePasswordReset stores a one-time reset token for an account,
// replacing any earlier unused one.
func (s *Store) CreatePasswordReset(ctx context.Context, userID int64, tokenHash string, expiresAt int64) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM password_resets WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("create reset: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
			tokenHash, userID, now(), expiresAt)
		if err != nil {
			return fmt.Errorf("create reset: %w", err)
		}
		return nil
	})
}

// ResetUser returns the account an unused, unexpired reset token is for.
func (s *Store) ResetUser(ctx context.Context, tokenHash string, nowUnix int64) (*User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+`
		FROM password_resets r JOIN users u ON u.id = r.user_id
		WHERE r.token_hash = $1 AND r.used_at = 0 AND r.expires_at > $2 AND u.deleted = 0`, tokenHash, nowUnix))
	if err == sql.ErrNoRows {
		return nil, ErrTokenUsed
	}
	if err != nil {
		return nil, fmt.Errorf("get reset: %w", err)
	}
	return u, nil
}

// SpendPasswordReset sets the account's password hash, marks the token
// used and ends every session of the account, in one transaction.
func (s *Store) SpendPasswordReset(ctx context.Context, tokenHash, passwordHash string, nowUnix int64) (*User, error) {
	var u *User
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+prefixed("u.", userColumns)+`
			FROM password_resets r JOIN users u ON u.id = r.user_id
			WHERE r.token_hash = $1 AND r.used_at = 0 AND r.expires_at > $2 AND u.deleted = 0`, tokenHash, nowUnix))
		if err == sql.ErrNoRows {
			return ErrTokenUsed
		}
		if err != nil {
			return fmt.Errorf("spend reset: %w", err)
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE password_resets SET used_at = $1 WHERE token_hash = $2`, []any{nowUnix, tokenHash}},
			{`UPDATE users SET password_hash = $1 WHERE id = $2`, []any{passwordHash, u.ID}},
			{`DELETE FROM sessions WHERE user_id = $1`, []any{u.ID}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return fmt.Errorf("spend reset: %w", err)
			}
		}
		return nil
	})
	return u, err
}
