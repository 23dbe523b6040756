package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// Opening a store whose schema is current takes no write lock: while an
// import holds SQLite's writer (BEGIN IMMEDIATE, as the bulk importers
// do), serve, backup and export still open and read. Before, Open ran
// CREATE TABLE IF NOT EXISTS in a write transaction and failed after the
// busy timeout with "database is locked".
func TestOpenDuringWriteTransaction(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	writer, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=100")
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	conn, err := writer.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	if _, err := conn.ExecContext(ctx, "INSERT INTO films (slug, title) VALUES ('held', 'Held')"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open while an import writes: %v", err)
	}
	defer st.Close()
	var n int
	if err := st.DB().QueryRowContext(ctx, "SELECT COUNT(*) FROM films").Scan(&n); err != nil || n != 0 {
		t.Errorf("read during the write: %d films, %v; want 0 (the open transaction is not visible)", n, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("open waited %s for the writer", d)
	}
}

// Opening a store with migrations pending while another process holds
// the write lock waits, says so, and migrates once the lock is released,
// instead of failing with "database is locked" after the busy timeout.
func TestOpenWaitsForWriterToMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// Roll the schema back by one migration: the latest, 0029, which only
	// adds an index, is pending again.
	ms, err := Migrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	latest := ms[len(ms)-1].Version
	if latest != 29 {
		t.Fatalf("the latest migration is %d: make this test undo it instead of 0029", latest)
	}
	db := st.WriteDB()
	for _, q := range []string{"DROP INDEX films_year_title", "DELETE FROM schema_migrations WHERE version = 29"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	writer, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	conn, err := writer.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	told := make(chan string, 1)
	opened := make(chan error, 1)
	go func() {
		st, err := Open(WithWaitNotice(ctx, func(msg string) { told <- msg }), path)
		if err == nil {
			var v int
			v, err = st.SchemaVersion(ctx)
			if err == nil && v != latest {
				err = fmt.Errorf("schema version %d after the wait, want %d", v, latest)
			}
			st.Close()
		}
		opened <- err
	}()
	select {
	case msg := <-told:
		if !strings.Contains(msg, "waiting") || !strings.Contains(msg, "write lock") {
			t.Errorf("notice %q does not say it waits for the write lock", msg)
		}
	case err := <-opened:
		t.Fatalf("Open returned (%v) while the writer held the lock, without waiting", err)
	case <-time.After(60 * time.Second):
		t.Fatal("no notice after 60 s")
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-opened:
		if err != nil {
			t.Fatalf("Open after the writer let go: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Open still waiting 60 s after the writer let go")
	}
}
