package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// TestMigrateStoreRoundTripsTheDemoCatalog copies the demo catalog (with a
// dossier) from SQLite to PostgreSQL, when a server is configured, and
// back to SQLite, and checks every table's checksum at the end.
func TestMigrateStoreRoundTripsTheDemoCatalog(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	st, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	d := &film.Dossier{FAQ: []film.FAQ{{Question: "Is it à la française?", Answer: "Non — “never”."}}}
	if _, err := st.PutDossier(ctx, "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	hops := []string{src}
	if dsn := storetest.PostgresDSN(t); dsn != "" {
		hops = append(hops, dsn)
	}
	hops = append(hops, "sqlite:"+filepath.Join(dir, "back.db"))
	var first, last map[string]store.Checksum
	for i := 0; i+1 < len(hops); i++ {
		code, out, errOut := run(t, nil, "migrate-store", "--from", hops[i], "--to", hops[i+1], "--json")
		if code != 0 {
			t.Fatalf("migrate-store %s → %s: exit %d: %s", hops[i], hops[i+1], code, errOut)
		}
		var res struct {
			OK     bool                `json:"ok"`
			Tables []store.TableReport `json:"tables"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("migrate-store --json: %v\n%s", err, out)
		}
		if !res.OK || len(res.Tables) == 0 {
			t.Fatalf("migrate-store reported %s", out)
		}
		sums := map[string]store.Checksum{}
		for _, r := range res.Tables {
			sums[r.Table] = r.Target
		}
		if first == nil {
			first = map[string]store.Checksum{}
			for _, r := range res.Tables {
				first[r.Table] = r.Source
			}
		}
		last = sums
	}
	if first["films"].Rows == 0 || first["dossiers"].Rows == 0 {
		t.Errorf("source checksums look empty: %v", first)
	}
	if diff := cmp.Diff(first, last); diff != "" {
		t.Errorf("round trip changed the catalog (-before +after):\n%s", diff)
	}
	if code, _, errOut := run(t, nil, "migrate-store", "--from", src, "--to", hops[len(hops)-1]); code == 0 || !strings.Contains(errOut, "not empty") {
		t.Errorf("migrate-store into a filled database: exit %d, %s", code, errOut)
	}
}

func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	backup := filepath.Join(dir, "backup.db")
	if code, _, errOut := run(t, nil, "backup", "--db", db, backup); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	if code, _, errOut := run(t, nil, "restore", "--db", filepath.Join(dir, "new.db"), backup); code != 0 {
		t.Fatalf("restore: %s", errOut)
	}
	if code, _, _ := run(t, nil, "backup", "--db", db); code != 2 {
		t.Errorf("backup without a file: exit %d, want 2", code)
	}
}
