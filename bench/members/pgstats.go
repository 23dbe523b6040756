package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"marquee/internal/store"
)

// progress says on stderr what the benchmark is doing, with the time, so
// a server's own logs and samples can be lined up with the load.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s members: %s\n", time.Now().UTC().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

// serverCounters are PostgreSQL's transaction counters of the benchmark's
// database (pg_stat_database, every process's sessions together).
type serverCounters struct{ commits, rollbacks int64 }

// pgCounters reads them, or returns nil on SQLite or when the view cannot
// be read. Sessions report their counts to the view when idle (at most
// once a second), so a reading lags by about that.
func pgCounters(ctx context.Context, st *store.Store) *serverCounters {
	if st.Engine() != "postgres" {
		return nil
	}
	var c serverCounters
	err := st.DB().QueryRowContext(ctx, `SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()`).
		Scan(&c.commits, &c.rollbacks)
	if err != nil {
		return nil
	}
	return &c
}

// addServerCounters reports the difference between two readings.
func (r *result) addServerCounters(before, after *serverCounters) {
	if before == nil || after == nil {
		return
	}
	r.PGCommits, r.PGRollbacks = after.commits-before.commits, after.rollbacks-before.rollbacks
}
