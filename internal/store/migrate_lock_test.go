package store

import (
	"context"
	"database/sql"
	"path/filepath"
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
