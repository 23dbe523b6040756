package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/mattn/go-sqlite3"
)

// WaitNotice is called, once, when opening a store has to wait for
// another process before it can apply pending migrations: a long import
// holding SQLite's write lock, or another process migrating PostgreSQL.
type WaitNotice func(msg string)

type noticeKey struct{}

// WithWaitNotice returns ctx carrying fn, for Open to tell the user why
// it waits instead of failing after the busy timeout.
func WithWaitNotice(ctx context.Context, fn WaitNotice) context.Context {
	return context.WithValue(ctx, noticeKey{}, fn)
}

const waitMessage = "waiting for the database: another process (an import?) holds its write lock; the schema migrations will run as soon as it is released…"

// notice calls the WaitNotice of ctx, if any.
func notice(ctx context.Context) {
	if fn, ok := ctx.Value(noticeKey{}).(WaitNotice); ok && fn != nil {
		fn(waitMessage)
	}
}

// migrateStep runs one migration transaction, waiting for as long as ctx
// allows while SQLite reports another writer (after each busy timeout),
// and saying so once.
func (s *Store) migrateStep(ctx context.Context, fn func(tx *sql.Tx) error) error {
	told := false
	for {
		err := s.transact(ctx, fn)
		if err == nil || !isBusy(err) {
			return err
		}
		if !told {
			notice(ctx)
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}
