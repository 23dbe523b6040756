package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// readSnapshot runs fn inside a read-only transaction on one read
// connection, begun and ended with SQL statements on a *sql.Conn rather
// than through database/sql's Tx. The transaction is always rolled back
// (fn only reads); fn's error is returned as it is, a failure to begin
// wrapped with what.
//
// database/sql starts a goroutine for every Tx (Tx.awaitDone) and, since a
// Tx's own context can always be canceled, one for every query inside it
// (Rows.awaitDone), each scheduled at its start and again at its end: on a
// film page's record that is six or seven goroutines and a dozen run-queue
// entries for one page. On a saturated server they keep the processors'
// local run queues busy, so connections whose next request has arrived,
// put on the global queue by the network poller, wait there (see
// docs/benchmarks.md, "Fifth session"). A query on a *sql.Conn starts no
// goroutine when its context cannot be canceled.
func (s *Store) readSnapshot(ctx context.Context, what string, fn func(q querier) error) error {
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	begin := "BEGIN" // SQLite: deferred, so a read snapshot from the first read on
	if s.dialect.name() == "postgres" {
		begin = "BEGIN READ ONLY"
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		conn.Close()
		return fmt.Errorf("%s: begin: %w", what, err)
	}
	err = fn(conn)
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
		// A connection that may still be inside the transaction must not
		// go back to the pool: ErrBadConn from Raw discards it.
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	conn.Close()
	return err
}
