package fts5_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	_ "marquee/internal/store/fts5"
)

func TestFTS5Available(t *testing.T) {
	db, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')",
		"INSERT INTO t (x) VALUES ('Amélie Poulain')",
		"CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM t WHERE t MATCH 'amelie'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("MATCH amelie: %d rows, %v", n, err)
	}
	if err := db.QueryRow("SELECT COUNT(*) FROM v").Scan(&n); err != nil || n != 2 {
		t.Fatalf("vocabulary: %d terms, %v", n, err)
	}
}
