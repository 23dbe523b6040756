package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRebuildsSimilarLists checks a ratings import ends by
// rebuilding the similar lists (so a MovieLens user's recommendations
// answer at once), that --skip-similar leaves them alone, and that an
// IMDb import rebuilds them only once they were built.
func TestImportRebuildsSimilarLists(t *testing.T) {
	data := "../catalog/testdata"
	skipped := filepath.Join(t.TempDir(), "s.db")
	code, _, errs := run(t, nil, "import", "movielens", "--db", skipped, "--skip-similar", data+"/movielens")
	if code != 0 || strings.Contains(errs, "similar lists rebuilt") {
		t.Fatalf("--skip-similar: exit %d, stderr:\n%s", code, errs)
	}
	db := filepath.Join(t.TempDir(), "m.db")
	code, _, errs = run(t, nil, "import", "imdb", "--db", db, data+"/imdb/ok")
	if code != 0 || strings.Contains(errs, "similar lists rebuilt") {
		t.Fatalf("imdb import before any build: exit %d, stderr:\n%s", code, errs)
	}
	code, _, errs = run(t, nil, "import", "movielens", "--db", db, data+"/movielens")
	if code != 0 || !strings.Contains(errs, "similar lists rebuilt:") {
		t.Fatalf("movielens import: exit %d, stderr:\n%s", code, errs)
	}
	code, out, errs := run(t, nil, "recommend", "--db", db, "--user", "ml:1", "--json")
	if code != 0 || !strings.Contains(out, `"recommendations"`) {
		t.Fatalf("recommend after the import: exit %d\n%s\n%s", code, out, errs)
	}
	// The same IMDb files again change nothing: no rebuild.
	code, _, errs = run(t, nil, "import", "imdb", "--db", db, data+"/imdb/ok")
	if code != 0 || strings.Contains(errs, "similar lists rebuilt") {
		t.Errorf("identical imdb import once the lists exist: exit %d, stderr:\n%s", code, errs)
	}
	// Files with a credit more do.
	more := t.TempDir()
	for _, f := range []string{"name.basics.tsv", "title.basics.tsv", "title.principals.tsv"} {
		b, err := os.ReadFile(filepath.Join(data, "imdb/ok", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "title.principals.tsv" {
			b = append(b, "tt3824458\t9\tnm7949183\tactress\t\\N\t[\"Guest\"]\n"...)
		}
		if err := os.WriteFile(filepath.Join(more, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errs = run(t, nil, "import", "imdb", "--db", db, more)
	if code != 0 || !strings.Contains(errs, "similar lists rebuilt:") {
		t.Errorf("imdb import with a new credit once the lists exist: exit %d, stderr:\n%s", code, errs)
	}
}
