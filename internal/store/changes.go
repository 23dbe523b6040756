package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ErrNoChangeWatch is returned by WatchChanges when the database cannot
// report changes cheaply (a PostgreSQL standby); callers then must not
// cache.
var ErrNoChangeWatch = errors.New("this engine cannot watch for changes")

// ChangeWatcher tells whether anything was committed to the database, by
// this process or any other, since it last looked. It holds one read
// connection of its own, which keeps SQLite's WAL and its shared-memory
// index open. Where it can map that index (the "-shm" file) it reads the
// header every commit rewrites; elsewhere it asks PRAGMA data_version,
// which changes whenever another connection commits. On PostgreSQL it
// never answers "unchanged": every call gets a new generation, so a cached
// page is always checked against its stamps (one indexed read). The WAL
// insert position it used to ask for moves with every commit of any
// database on the server, vacuum and hint-bit writes included, so under
// members' writes it had moved on almost every request and its query was
// a round trip before the stamps' round trip, for nothing. It is safe for
// concurrent use.
type ChangeWatcher struct {
	shm     *shmHeader // nil: ask PRAGMA data_version
	shmMu   sync.Mutex // guards shmLast and gen on the shm path
	shmLast [4]uint32

	every atomic.Uint64 // PostgreSQL: the last generation handed out (conn is nil)

	mu      sync.Mutex // guards conn, last and gen: one query at a time
	conn    *sql.Conn
	version string // the query that reads the change counter
	last    int64
	gen     uint64
	batch   sync.Mutex // guards waiting and running
	waiting []chan genResult
	running bool
}

type genResult struct {
	gen uint64
	err error
}

// pgWALPosition is PostgreSQL's WAL insert position in bytes. It fails on
// a standby, whose pages no write of ours can mark stale: WatchChanges
// asks it once to refuse watching there.
const pgWALPosition = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"

// WatchChanges returns a ChangeWatcher on the store, or ErrNoChangeWatch
// when the database has no cheap change counter.
func (s *Store) WatchChanges(ctx context.Context) (*ChangeWatcher, error) {
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch changes: %w", err)
	}
	w := &ChangeWatcher{conn: conn, version: "PRAGMA data_version"}
	if s.pg != nil {
		err := conn.QueryRowContext(ctx, pgWALPosition).Scan(&w.last)
		conn.Close() // no query per request: the connection goes back to the pool
		if err != nil {
			return nil, ErrNoChangeWatch
		}
		w.conn = nil
		return w, nil
	}
	if err := conn.QueryRowContext(ctx, w.version).Scan(&w.last); err != nil {
		conn.Close()
		return nil, fmt.Errorf("watch changes: %w", err)
	}
	// The query above opened the WAL, so the -shm file exists now.
	if w.shm = openShm(strings.TrimPrefix(s.dsn, "sqlite:")); w.shm != nil {
		w.shmLast, _ = w.shm.state()
	}
	return w, nil
}

// Generation returns a number that stays the same while nothing is
// committed to the database and grows when anything is. Reading it before
// reading data makes anything derived from that data safe to reuse for as
// long as the generation stays the same. On PostgreSQL it grows on
// every call.
//
// Concurrent callers share queries: each caller waits for the next query
// that starts after it called, so the answer reflects every commit that
// finished before the call, while one query answers many callers.
func (w *ChangeWatcher) Generation(ctx context.Context) (uint64, error) {
	if w.conn == nil {
		return w.every.Add(1), nil
	}
	if w.shm != nil {
		key, stable := w.shm.state()
		w.shmMu.Lock()
		defer w.shmMu.Unlock()
		if key != w.shmLast || !stable {
			// Mid-update copies get a fresh generation each time, so
			// nothing read under one is ever reused.
			w.shmLast = key
			w.gen++
		}
		return w.gen, nil
	}
	ch := make(chan genResult, 1)
	w.batch.Lock()
	w.waiting = append(w.waiting, ch)
	lead := !w.running
	w.running = true
	w.batch.Unlock()
	if lead {
		go w.serve() // runs while callers keep coming, then ends
	}
	select {
	case r := <-ch:
		return r.gen, r.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// serve answers waiting callers batch by batch until none is left. A batch
// is taken before its query starts, so every caller in it called before
// the query began.
func (w *ChangeWatcher) serve() {
	for {
		w.batch.Lock()
		batch := w.waiting
		w.waiting = nil
		if len(batch) == 0 {
			w.running = false
			w.batch.Unlock()
			return
		}
		w.batch.Unlock()
		gen, err := w.query()
		for _, ch := range batch {
			ch <- genResult{gen, err}
		}
	}
}

func (w *ChangeWatcher) query() (uint64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	var v int64
	if err := w.conn.QueryRowContext(ctx, w.version).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	if v != w.last {
		w.last = v
		w.gen++
	}
	return w.gen, nil
}

// Close releases the watcher's mapping and connection.
func (w *ChangeWatcher) Close() error {
	if w.shm != nil {
		w.shm.close()
	}
	if w.conn == nil {
		return nil
	}
	return w.conn.Close()
}

// usesSharedMemory reports whether the watcher reads the wal-index
// directly, for tests.
func (w *ChangeWatcher) usesSharedMemory() bool { return w.shm != nil }
