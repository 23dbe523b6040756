package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// feedChannel is where the triggers of migration 0027 announce, at commit,
// every move of a page-cache stamp.
const feedChannel = "marquee_cache"

// changeFeed is PostgreSQL's change watch: a connection of its own,
// outside the store's pool, that listens on feedChannel and remembers the
// latest stamp announced for each film (and the catalog) since it began
// listening. A sync is one empty query on that connection: the server
// sends a session its pending notifications before it reports the query
// done, and a writer's notifications are pending for every listener by the
// time its commit returns, so after a sync the feed has seen every commit
// that finished before the sync began. One sync answers every caller
// waiting for it, so cached pages cost a round trip per batch of readers
// rather than a stamp query each.
//
// The films' map holds only films whose stamps moved while the process
// ran, at most one entry per film with member activity.
type changeFeed struct {
	cfg *pgconn.Config // the pool's connection settings; nil in tests that fake none

	conn   *pgconn.PgConn // nil: lost or not yet opened; the next sync connects
	schema string         // the connection's current schema: the feed's payloads name it

	mu      sync.RWMutex // guards the fields below
	floor   uint64       // stamps verified at a generation below it predate the listening
	catalog int64        // the catalog's announced stamp, when catSet
	catSet  bool
	films   map[int64]int64 // film id → its announced member stamp
	count   uint64          // announcements taken, to tell whether a sync heard any
	next    uint64          // the generation the running sync will hand out
}

// newChangeFeed returns a feed on the pool's connection settings; it
// connects at its first sync.
func (s *Store) newChangeFeed() *changeFeed {
	return &changeFeed{cfg: s.pg.Config().ConnConfig.Config.Copy(), floor: math.MaxUint64}
}

// sync brings the feed up to every commit finished before it began. gen
// is the generation the caller will hand out if the feed reconnects (a new
// connection forgets what the old one heard: only stamps verified from
// then on may be trusted). It reports whether anything was announced or
// the connection is new. The caller serialises syncs.
func (f *changeFeed) sync(ctx context.Context, gen uint64) (moved bool, err error) {
	if f.conn == nil {
		if err := f.connect(ctx, gen); err != nil {
			return false, err
		}
		return true, nil
	}
	f.mu.Lock()
	f.next = gen
	heard := f.count
	f.mu.Unlock()
	if _, err := f.conn.Exec(ctx, "").ReadAll(); err != nil {
		f.lose()
		return false, fmt.Errorf("change feed: %w", err)
	}
	return f.heard() != heard, nil
}

// heard is the count of announcements taken.
func (f *changeFeed) heard() uint64 {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.count
}

func (f *changeFeed) connect(ctx context.Context, gen uint64) error {
	cfg := f.cfg.Copy()
	cfg.OnNotification = func(_ *pgconn.PgConn, n *pgconn.Notification) { f.note(n.Payload) }
	conn, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("change feed: %w", err)
	}
	res, err := conn.Exec(ctx, "SELECT current_schema(); LISTEN "+pgx.Identifier{feedChannel}.Sanitize()).ReadAll()
	if err != nil || len(res) == 0 || len(res[0].Rows) != 1 {
		conn.Close(ctx)
		return fmt.Errorf("change feed: listen: %w", err)
	}
	f.mu.Lock()
	f.conn, f.schema = conn, string(res[0].Rows[0][0])
	f.floor, f.catSet, f.films = gen, false, map[int64]int64{}
	f.mu.Unlock()
	return nil
}

// lose drops a broken connection; until the next connect nothing is
// trusted.
func (f *changeFeed) lose() {
	f.mu.Lock()
	f.floor = math.MaxUint64
	f.mu.Unlock()
	if f.conn != nil {
		f.conn.Close(context.Background())
		f.conn = nil
	}
}

// note takes one announcement; it runs inside a sync. Payloads of other
// schemas are ignored; one it cannot read makes the feed forget everything
// (as after a reconnect), which costs only stamp queries.
func (f *changeFeed) note(payload string) {
	schema, rest, _ := strings.Cut(payload, " ")
	f.mu.Lock()
	defer f.mu.Unlock()
	if schema != f.schema {
		return
	}
	f.count++
	kind, rest, _ := strings.Cut(rest, " ")
	switch kind {
	case "c":
		if gen, err := strconv.ParseInt(rest, 10, 64); err == nil {
			f.catalog, f.catSet = gen, true
			return
		}
	case "f":
		id, g, _ := strings.Cut(rest, " ")
		fid, err1 := strconv.ParseInt(id, 10, 64)
		gen, err2 := strconv.ParseInt(g, 10, 64)
		if err1 == nil && err2 == nil {
			f.films[fid] = gen
			return
		}
	}
	// "reset" or unreadable: forget what was heard, and trust only stamps
	// verified after this sync.
	f.floor, f.catSet, f.films = f.next, false, map[int64]int64{}
}

// unchanged reports whether stamps verified current at generation since
// are still current by what the feed has heard: the catalog stamp, and
// film filmID's member stamp (filmID 0: none).
func (f *changeFeed) unchanged(since uint64, catalog, filmID, film int64) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if since < f.floor || f.catSet && f.catalog != catalog {
		return false
	}
	if filmID == 0 {
		return true
	}
	gen, moved := f.films[filmID]
	return !moved || gen == film
}

func (f *changeFeed) close() error {
	if f.conn == nil {
		return nil
	}
	return f.conn.Close(context.Background())
}
