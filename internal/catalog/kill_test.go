package catalog

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"marquee/internal/catalog/imdbgen"
	"marquee/internal/store"
)

// TestKillIMDbImport kills `marquee import imdb` with SIGKILL at random
// (seeded) points of a re-import and checks that the database opens with
// the previous catalog intact, then that a re-run ends in exactly the
// catalog an uninterrupted import gives.
func TestKillIMDbImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs several imports")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "marquee")
	build := exec.Command("go", "build", "-o", bin, "marquee/cmd/marquee")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// The day's files and the next day's refresh: same ids, other values.
	day1, day2 := filepath.Join(dir, "day1"), filepath.Join(dir, "day2")
	for i, d := range []string{day1, day2} {
		os.Mkdir(d, 0o755)
		if _, err := imdbgen.Generate(d, imdbgen.Options{Scale: 0.01, Seed: uint64(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	base := filepath.Join(dir, "base.db")
	runBin(t, bin, base, day1)
	before := fingerprint(t, base)

	ref := filepath.Join(dir, "ref.db")
	copyFile(t, base, ref)
	start := time.Now()
	runBin(t, bin, ref, day2)
	full := time.Since(start)
	after := fingerprint(t, ref)
	if before == after {
		t.Fatal("the refresh changed nothing; the test would prove nothing")
	}

	r := rand.New(rand.NewPCG(42, 7))
	for i := range 4 {
		db := filepath.Join(dir, fmt.Sprintf("kill%d.db", i))
		copyFile(t, base, db)
		delay := time.Duration(r.Float64() * 0.9 * float64(full))
		cmd := exec.Command(bin, "import", "imdb", "--db", db, "--types", "all", day2)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		got := fingerprint(t, db)
		t.Logf("kill %d after %v of %v: catalog is the previous one: %v", i, delay.Round(time.Millisecond), full.Round(time.Millisecond), got == before)
		if got != before && got != after {
			t.Fatalf("kill %d after %v: the catalog is neither the previous one nor the new one:\n%s", i, delay, got)
		}
		runBin(t, bin, db, day2)
		if got := fingerprint(t, db); got != after {
			t.Fatalf("kill %d after %v: re-run gave\n%s\nwant\n%s", i, delay, got, after)
		}
	}
}

func runBin(t *testing.T, bin, db, data string) {
	t.Helper()
	out, err := exec.Command(bin, "import", "imdb", "--db", db, "--types", "all", data).CombinedOutput()
	if err != nil {
		t.Fatalf("import %s: %v\n%s", data, err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		src, err := os.Open(from + suffix)
		if err != nil {
			continue
		}
		dst, err := os.Create(to + suffix)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(dst, src)
		src.Close()
		dst.Close()
	}
}

// fingerprint opens the database through the store (which must succeed
// after any kill) and summarises the catalog tables.
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open after import: %v", err)
	}
	defer st.Close()
	var out string
	for _, q := range []string{
		"SELECT id, slug, title, year, rating_avg, rating_votes FROM films ORDER BY id",
		"SELECT id, slug, name, birth_year, credit_count FROM people ORDER BY id",
		"SELECT film_id, person_id, role, character_name, billing FROM credits ORDER BY 1, 2, 3, 4",
		"SELECT film_id, slug, person_id FROM characters ORDER BY 1, 2",
		"SELECT film_id, genre FROM film_genres ORDER BY 1, 2",
		// The search index is part of the catalog: words and how many
		// documents hold each.
		"SELECT term, doc, cnt FROM search_vocab ORDER BY term",
	} {
		out += hashRows(t, st.DB(), q) + "\n"
	}
	var idx, triggers int
	st.DB().QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'").Scan(&idx)
	st.DB().QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").Scan(&triggers)
	return out + fmt.Sprintf("%d indexes, %d search triggers", idx, triggers)
}

func hashRows(t *testing.T, db *sql.DB, q string) string {
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	h := fnv.New64a()
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(h, vals...)
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d rows %x", n, h.Sum64())
}
