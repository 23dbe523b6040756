package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --review writes the fuzzy matches of a run, and a decision written into
// the file changes the next run.
func TestImportReviewFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if code, _, errs := run(t, nil, "import", "imdb", "--db", db, "../catalog/testdata/imdb/ok"); code != 0 {
		t.Fatal(errs)
	}
	export := filepath.Join(dir, "export")
	os.MkdirAll(export, 0o755)
	// Tangerine is 2015 in the catalog: a year off by one.
	os.WriteFile(filepath.Join(export, "ratings.csv"), []byte("Date,Name,Year,Letterboxd URI,Rating\n2024-05-01,Tangerine,2016,https://boxd.it/aaaa,4\n"), 0o644)
	review := filepath.Join(dir, "review.csv")
	code, out, errs := run(t, nil, "import", "letterboxd", "--db", db, "--user", "ana", "--review", review, export)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Tangerine (2016) → tangerine-2015  score 0.70, exact, year ±1") {
		t.Errorf("summary lacks the fuzzy match:\n%s", out)
	}
	b, err := os.ReadFile(review)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "Tangerine,2016,,tangerine-2015,") {
		t.Fatalf("review file:\n%s", b)
	}
	os.WriteFile(review, []byte(strings.Replace(string(b), "Tangerine,2016,,", "Tangerine,2016,reject,", 1)), 0o644)
	code, out, errs = run(t, nil, "import", "letterboxd", "--db", db, "--user", "bo", "--review", review, export)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "0 imported") || !strings.Contains(out, "1 matched nothing") || !strings.Contains(out, "rejected in review") {
		t.Errorf("rejected match still landed:\n%s", out)
	}
	if b, _ := os.ReadFile(review); !strings.Contains(string(b), "Tangerine,2016,reject,") {
		t.Errorf("decision lost on rewrite:\n%s", b)
	}
}

// A failed import says nothing was written and counts nothing imported.
func TestImportFailedSaysNothingWritten(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	code, out, errs := run(t, nil, "import", "imdb", "--db", db, "--max-errors", "1", "../catalog/testdata/imdb/bad")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "imdb import failed: nothing was written") || !strings.Contains(out, " 0 imported") {
		t.Errorf("output:\n%s", out)
	}
}
