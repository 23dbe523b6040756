package store

import (
	"context"
	"testing"
	"time"

	"marquee/internal/store/storetest"
)

// TestRefreshLeadOneProcess opens one PostgreSQL database twice, as two
// serve processes do, and checks that one of them leads the similar lists'
// refresh at a time, that asking again keeps a single hold, and that the
// other takes the lead once the first gives it up.
func TestRefreshLeadOneProcess(t *testing.T) {
	if testPostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	a, b := openTwice(t, storetest.PostgresDSN(t))
	la, lb := a.RefreshLead(), b.RefreshLead()
	defer la.Close()
	defer lb.Close()
	for i := range 3 {
		if held, err := la.Held(ctx); err != nil || !held {
			t.Fatalf("first process, try %d: held %v, %v; want the lead", i+1, held, err)
		}
	}
	var holds int
	if err := a.DB().QueryRowContext(ctx, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
		AND objid::bigint = $1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
		int64(refreshLeadKey)).Scan(&holds); err != nil {
		t.Fatal(err)
	}
	if holds != 1 {
		t.Errorf("%d advisory holds after three tries, want 1", holds)
	}
	if held, err := lb.Held(ctx); err != nil || held {
		t.Fatalf("second process while the first leads: held %v, %v; want not", held, err)
	}
	if err := la.Close(); err != nil {
		t.Fatal(err)
	}
	// The server releases the lock when the closed session's backend
	// exits, a moment after the close: the other process's next tries
	// (every flush, 5 s apart in serve) take it.
	held, err := lb.Held(ctx)
	for deadline := time.Now().Add(10 * time.Second); err == nil && !held && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		held, err = lb.Held(ctx)
	}
	if err != nil || !held {
		t.Fatalf("second process after the first gave up: held %v, %v; want the lead within 10 s", held, err)
	}
	if held, err := la.Held(ctx); err != nil || held {
		t.Errorf("first process again, while the second leads: held %v, %v; want not", held, err)
	}
}

// TestRefreshLeadSQLite: a SQLite store always leads (one server per file).
func TestRefreshLeadSQLite(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir()+"/lead.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l := s.RefreshLead()
	defer l.Close()
	if held, err := l.Held(context.Background()); err != nil || !held {
		t.Errorf("held %v, %v; want the lead", held, err)
	}
}
