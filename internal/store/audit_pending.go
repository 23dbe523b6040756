package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
)

// PendingAudit is the audit entry of a request that has not written it
// yet. A member write (memberTransact) that finds one on its context
// inserts it in its own transaction, so the write and its record commit
// together as one short transaction instead of two; whoever made the
// entry writes it afterwards only when no transaction did (Written).
type PendingAudit struct {
	build   func() *AuditEntry
	written atomic.Bool
}

type pendingAuditKey struct{}

// WithPendingAudit returns ctx carrying an audit entry that build makes
// when a member write commits (build is called at most once per write,
// inside the transaction).
func WithPendingAudit(ctx context.Context, build func() *AuditEntry) (context.Context, *PendingAudit) {
	p := &PendingAudit{build: build}
	return context.WithValue(ctx, pendingAuditKey{}, p), p
}

// Written reports whether a transaction has committed the entry.
func (p *PendingAudit) Written() bool { return p.written.Load() }

func pendingAudit(ctx context.Context) *PendingAudit {
	p, _ := ctx.Value(pendingAuditKey{}).(*PendingAudit)
	if p == nil || p.written.Load() {
		return nil
	}
	return p
}

// insertAudit writes e in tx and sets its ID.
func insertAudit(ctx context.Context, q querier, e *AuditEntry) error {
	var uid any
	if e.UserID != 0 {
		uid = e.UserID
	}
	err := q.QueryRowContext(ctx, `INSERT INTO audit_log (at, user_id, username, action, target, address, old_value, new_value)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		e.At, uid, e.Username, e.Action, e.Target, e.Address, e.Before, e.After).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("write audit log: %w", err)
	}
	return nil
}

// memberTransact is Transact for members' writes: it leaves the catalog's
// cache stamp alone. The pages a member write changes follow their own
// stamps (film_member_stats.gen, kept by the triggers of migration 0009),
// so rating all day does not empty the page cache. The request's pending
// audit entry, if any, is written in the same transaction. On SQLite the
// write goes through the group committer (group_commit.go): fn then runs
// in a savepoint of a transaction it shares with other members' writes,
// and must use the ctx it is given and no other.
func (s *Store) memberTransact(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	if s.group != nil {
		return s.group.do(ctx, fn)
	}
	return s.memberTransactAlone(ctx, fn)
}

// memberTransactAlone is memberTransact in a transaction of its own, for
// large writes (imports) that should neither share a transaction nor
// outlive their caller's cancellation.
func (s *Store) memberTransactAlone(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	p := pendingAudit(ctx)
	err := s.transact(ctx, func(tx *sql.Tx) error {
		if err := fn(ctx, tx); err != nil {
			return err
		}
		if p == nil {
			return nil
		}
		return insertAudit(ctx, tx, p.build())
	})
	if err == nil && p != nil {
		p.written.Store(true)
	}
	return err
}
