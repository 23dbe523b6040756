package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
)

// refreshLeadKey is the advisory-lock key of the similar lists' refresh.
const refreshLeadKey = 0x6d717266 // "mqrf"

// RefreshLead is one process's claim to keep the similar lists current
// from the queue of members' rating changes. The queue is shared, and a
// refresher applies what it takes to a model of its own: two processes
// flushing in turn would each miss the other's changes and overwrite
// lists with what their model lacks, and each would load a model (a full
// build's reading) for it. On PostgreSQL the claim is a session advisory
// lock on a connection of its own, outside the store's pool, so it ends
// with the process (or its connection) and another process takes it at
// its next try. On SQLite every process leads: a server runs alone on its
// file.
//
// A RefreshLead is safe for concurrent use; Close releases it.
type RefreshLead struct {
	dsn string // "": SQLite, always held

	mu   sync.Mutex // guards conn
	conn *pgx.Conn
}

// RefreshLead returns the store's claim on the refresh, not yet taken.
func (s *Store) RefreshLead() *RefreshLead {
	if s.pg == nil {
		return &RefreshLead{}
	}
	return &RefreshLead{dsn: s.dsn}
}

// Held reports whether this process leads the refresh, taking the lead
// when no other process holds it. A lost connection loses the lead: Held
// then reports false with the error, and the next call tries afresh.
func (l *RefreshLead) Held(ctx context.Context) (bool, error) {
	if l.dsn == "" {
		return true, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn == nil {
		conn, err := pgx.Connect(ctx, l.dsn)
		if err != nil {
			return false, fmt.Errorf("claim the similar lists' refresh: %w", err)
		}
		l.conn = conn
	}
	// Asked again while held, pg_try_advisory_lock would stack another
	// hold on the session: look in pg_locks first.
	var held bool
	err := l.conn.QueryRow(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
		AND pid = pg_backend_pid() AND classid = 0 AND objid::bigint = $1 AND objsubid = 1 AND granted)
		THEN true ELSE pg_try_advisory_lock($1) END`, int64(refreshLeadKey)).Scan(&held)
	if err != nil {
		l.conn.Close(ctx)
		l.conn = nil
		return false, fmt.Errorf("claim the similar lists' refresh: %w", err)
	}
	return held, nil
}

// Close gives the lead up, for another process to take.
func (l *RefreshLead) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.conn == nil {
		return nil
	}
	err := l.conn.Close(context.Background())
	l.conn = nil
	return err
}
