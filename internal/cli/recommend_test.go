package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSimilarAndRecommendCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := run(t, nil, "similar", "--db", db, "red-rocket-2021")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Tangerine") || !strings.Contains(out, "also directed by Sean Baker") {
		t.Errorf("similar output lacks Tangerine and its reason:\n%s", out)
	}
	code, out, errs = run(t, nil, "similar", "--db", db, "--json", "--limit", "3", "tangerine-2015")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Film struct {
			Slug   string
			IMDbID string `json:"imdb_id"`
		}
		Similar []struct{ Reasons []string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Film.IMDbID != "tt3824458" || len(res.Similar) != 3 || len(res.Similar[0].Reasons) == 0 {
		t.Errorf("similar --json = %s", out)
	}
	if code, _, errs = run(t, nil, "similar", "--db", db, "no-such-film"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("unknown film: exit %d, %q", code, errs)
	}
	if code, _, errs = run(t, nil, "recommend", "--db", db, "--user", "ml:12345"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("unknown user: exit %d, %q", code, errs)
	}
	if code, _, _ = run(t, nil, "recommend", "--db", db); code != 2 {
		t.Errorf("no --user: exit %d, want 2", code)
	}
}

func TestEvalRecommendRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "u.data"), []byte("1\t2\t3\t881250949\n1\t3\t9\t881250949\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, nil, "eval", "recommend", "--ratings", dir); code != 1 || !strings.Contains(errs, "u.data:2: rating") {
		t.Errorf("malformed row: exit %d, %q", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "u.data"), []byte("1\t2\t3\t881250949\n2\t3\t4\t881250949\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, nil, "eval", "recommend", "--ratings", dir); code != 2 || !strings.Contains(errs, "no test items") {
		t.Errorf("one rating per user: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, nil, "eval", "recommend", "--split", "1.5", "--ratings", dir); code != 2 {
		t.Errorf("split 1.5: exit %d, want 2", code)
	}
}
