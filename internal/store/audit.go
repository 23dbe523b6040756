package store

import (
	"context"
	"fmt"
)

// AuditEntry is one write recorded in the audit log. Before and After
// hold JSON (or are empty) describing what changed.
type AuditEntry struct {
	ID       int64  `json:"id"`
	At       int64  `json:"at"`
	UserID   int64  `json:"user_id,omitempty"` // 0: anonymous or the command line
	Username string `json:"username"`
	Action   string `json:"action"`
	Target   string `json:"target,omitempty"`
	Address  string `json:"address,omitempty"`
	Before   string `json:"before,omitempty"`
	After    string `json:"after,omitempty"`
}

// AddAudit appends e to the audit log and sets its ID.
func (s *Store) AddAudit(ctx context.Context, e *AuditEntry) error {
	return insertAudit(ctx, s.write, e)
}

// AuditLog returns up to limit entries older than the entry before (all
// when before is 0), newest first.
func (s *Store) AuditLog(ctx context.Context, before int64, limit int) ([]AuditEntry, error) {
	if before <= 0 {
		before = 1<<63 - 1
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, at, COALESCE(user_id, 0), username, action, target, address, old_value, new_value
		FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2`, before, limit)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.UserID, &e.Username, &e.Action, &e.Target, &e.Address, &e.Before, &e.After); err != nil {
			return nil, fmt.Errorf("read audit log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Setting returns a site setting, or def when it was never set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM site_settings WHERE key = $1`, key).Scan(&v)
	if errNoRows(err) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// PutSetting stores a site setting.
func (s *Store) PutSetting(ctx context.Context, key, value string) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO site_settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("write setting %s: %w", key, err)
	}
	return nil
}
