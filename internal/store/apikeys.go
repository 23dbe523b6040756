package store

import (
	"context"
	"fmt"
	"strconv"
)

// APIKey is a named key a member gave a script. KeyHash is the hex
// SHA-256 of the key; Prefix is its first characters, for recognising it.
type APIKey struct {
	ID         int64
	UserID     int64
	Name       string
	KeyHash    string
	Prefix     string
	Scope      string // "read" or "write"
	CreatedAt  int64
	LastUsedAt int64
}

const apiKeyColumns = `k.id, k.user_id, k.name, k.key_hash, k.prefix, k.scope, k.created_at, k.last_used_at`

func scanAPIKey(sc interface{ Scan(...any) error }, extra ...any) (*APIKey, error) {
	var k APIKey
	if err := sc.Scan(append([]any{&k.ID, &k.UserID, &k.Name, &k.KeyHash, &k.Prefix, &k.Scope, &k.CreatedAt, &k.LastUsedAt}, extra...)...); err != nil {
		return nil, err
	}
	return &k, nil
}

// CreateAPIKey stores k and sets its ID and CreatedAt.
func (s *Store) CreateAPIKey(ctx context.Context, k *APIKey) error {
	k.CreatedAt = now()
	err := s.write.QueryRowContext(ctx, `INSERT INTO api_keys (user_id, name, key_hash, prefix, scope, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, k.UserID, k.Name, k.KeyHash, k.Prefix, k.Scope, k.CreatedAt).Scan(&k.ID)
	return s.wrap(err, "create", "api key", k.Name)
}

// APIKeyByHash returns the key with that hash and its account, which must
// be neither disabled nor deleted.
func (s *Store) APIKeyByHash(ctx context.Context, keyHash string) (*APIKey, *User, error) {
	row := s.callers.QueryRowContext(ctx, `SELECT `+apiKeyColumns+`, `+prefixed("u.", userColumns)+`
		FROM api_keys k JOIN users u ON u.id = k.user_id
		WHERE k.key_hash = $1 AND u.disabled = 0 AND u.deleted = 0`, keyHash)
	var (
		u                 User
		disabled, deleted int
	)
	k, err := scanAPIKey(row, &u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Role, &disabled, &deleted, &u.CreatedAt)
	if err != nil {
		return nil, nil, notFound(err, "api key", "")
	}
	return k, &u, nil
}

// TouchAPIKey records that a key was used at t.
func (s *Store) TouchAPIKey(ctx context.Context, id, t int64) error {
	_, err := s.write.ExecContext(ctx, `UPDATE api_keys SET last_used_at = $1 WHERE id = $2`, t, id)
	return err
}

// UserAPIKeys lists an account's keys, newest first.
func (s *Store) UserAPIKeys(ctx context.Context, userID int64) ([]APIKey, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+apiKeyColumns+` FROM api_keys k WHERE k.user_id = $1 ORDER BY k.id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	defer rows.Close()
	var out []APIKey
	for rows.Next() {
		k, err := scanAPIKey(rows)
		if err != nil {
			return nil, fmt.Errorf("list api keys: %w", err)
		}
		out = append(out, *k)
	}
	return out, rows.Err()
}

// APIKeyOwner returns the account a key belongs to.
func (s *Store) APIKeyOwner(ctx context.Context, id int64) (int64, error) {
	var uid int64
	err := s.read.QueryRowContext(ctx, `SELECT user_id FROM api_keys WHERE id = $1`, id).Scan(&uid)
	return uid, notFound(err, "api key", strconv.FormatInt(id, 10))
}

// DeleteAPIKey revokes one key of an account.
func (s *Store) DeleteAPIKey(ctx context.Context, userID, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM api_keys WHERE id = $1 AND user_id = $2`, id, userID)
	if err != nil {
		return fmt.Errorf("delete api key: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFoundErr("api key", strconv.FormatInt(id, 10))
	}
	return nil
}
