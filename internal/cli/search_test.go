package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearchCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := run(t, nil, "search", "--db", db, "sean bakr")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if first, _, _ := strings.Cut(out, "\n"); !strings.Contains(first, "person") || !strings.Contains(first, "Sean Baker") {
		t.Errorf("first line = %q, want Sean Baker", first)
	}
	code, out, errs = run(t, nil, "search", "--db", db, "--json", "--kind", "film", "red", "roc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Results []struct{ Kind, Slug string }
		Facets  map[string]any
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || res.Results[0].Slug != "red-rocket-2021" || res.Facets["kind"] == nil {
		t.Errorf("json = %s", out)
	}
	if code, _, errs = run(t, nil, "search", "--db", db, strings.Repeat("x", 10000)); code != 2 || !strings.Contains(errs, "limit") {
		t.Errorf("10 KB query: exit %d, %q", code, errs)
	}
	if code, _, _ = run(t, nil, "search", "--db", db); code != 2 {
		t.Errorf("no query: exit %d, want 2", code)
	}
}
