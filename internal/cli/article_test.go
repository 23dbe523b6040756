package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/store"
)

const corpus = "../demo/articles/"

func TestImportArticle(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MARQUEE_DB": filepath.Join(dir, "m.db")}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(binary, []byte("GIF89a\x00\x01\x02\x00\x00"), 0o644)

	// One good file among bad ones: the good one is stored, the bad ones
	// are each named on stderr, and the exit status says some failed.
	code, out, errOut := run(t, env, "import", "article", empty, corpus+"tangerine.txt", binary, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "missing.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
	if !strings.Contains(out, "tangerine-2015") {
		t.Errorf("stdout does not report the stored file:\n%s", out)
	}

	ctx := context.Background()
	st, err := store.Open(ctx, env["MARQUEE_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, total, _ := st.ListFilms(ctx, store.FilmFilter{})
	if total != 1 {
		t.Errorf("%d films stored, want 1 (only Tangerine)", total)
	}
	if dirs, _ := st.Directors(ctx, "tangerine-2015"); len(dirs) != 1 || dirs[0] != "Sean Baker" {
		t.Errorf("Tangerine directors = %v", dirs)
	}

	// Re-importing replaces the dossier in place, as a new revision.
	if code, _, errOut := run(t, env, "import", "article", corpus+"tangerine.txt"); code != 0 {
		t.Fatalf("re-import exit %d: %s", code, errOut)
	}
	d, err := st.GetDossier(ctx, "tangerine-2015")
	if err != nil || d.Revision != 2 {
		t.Errorf("after re-import: revision %v, %v; want 2", d.Revision, err)
	}
	if _, total, _ := st.ListFilms(ctx, store.FilmFilter{}); total != 1 {
		t.Errorf("re-import created another film: %d films", total)
	}
}

func TestImportArticleDryRunJSON(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	code, out, errOut := run(t, map[string]string{"MARQUEE_DB": db}, "import", "article", "--dry-run", "--format", "json", corpus+"red-rocket.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var d struct {
		Film     struct{ Title string }
		Sections []struct{ Kind, Heading string }
		FAQ      []struct{ Question, Answer string }
		Quotes   []struct{ Text, Speaker, Source string }
		Mentions struct{ Films []string }
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("output is not one JSON dossier: %v\n%s", err, out)
	}
	if d.Film.Title != "Red Rocket" || len(d.Sections) != 17 || len(d.FAQ) != 5 || len(d.Quotes) != 1 {
		t.Errorf("parsed %q: %d sections, %d FAQ, %d quotes", d.Film.Title, len(d.Sections), len(d.FAQ), len(d.Quotes))
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("--dry-run created the database")
	}
}

// TestExportTextRoundTrip checks import → export text → import gives an
// identical dossier, through the commands a user runs.
func TestExportTextRoundTrip(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MARQUEE_DB": filepath.Join(dir, "m.db")}
	if code, _, errOut := run(t, env, "import", "article", corpus+"red-rocket.txt"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	code, text, errOut := run(t, env, "export", "article", "red-rocket")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	for _, want := range []string{"Plot Synopsis\n", "Setting and Background: ", "In conclusion, ", "1. Is “Red Rocket” suitable for all audiences?"} {
		if !strings.Contains(text, want) {
			t.Errorf("exported text lacks %q", want)
		}
	}
	exported := filepath.Join(dir, "exported.txt")
	os.WriteFile(exported, []byte(text), 0o644)
	_, first, _ := run(t, env, "import", "article", "--dry-run", "--json", corpus+"red-rocket.txt")
	_, second, _ := run(t, env, "import", "article", "--dry-run", "--json", exported)
	strip := func(s string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"noise", "warnings", "source"} {
			delete(m, k)
		}
		b, _ := json.Marshal(m)
		return map[string]any{"x": stripLines(string(b))}
	}
	if a, b := strip(first), strip(second); a["x"] != b["x"] {
		t.Errorf("re-imported export differs from the original parse")
	}
	for _, f := range []string{"markdown", "html", "json"} {
		if code, out, errOut := run(t, env, "export", "article", "--format", f, "red-rocket"); code != 0 || len(out) < 1000 {
			t.Errorf("export --format %s: exit %d, %d bytes, %s", f, code, len(out), errOut)
		}
	}
	if code, _, _ := run(t, env, "export", "article", "no-such-film"); code != 1 {
		t.Errorf("export of a missing film exit %d, want 1", code)
	}
}

// stripLines removes "line": N fields, which differ between the original
// file and its re-rendered text.
func stripLines(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, `"line":`)
		if i < 0 {
			return b.String() + s
		}
		b.WriteString(s[:i])
		j := i + len(`"line":`)
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j < len(s) && s[j] == ',' {
			j++
		}
		s = s[j:]
	}
}

func TestLintArticle(t *testing.T) {
	env := map[string]string{"MARQUEE_DB": filepath.Join(t.TempDir(), "m.db")}
	code, out, errOut := run(t, env, "lint", "article", "--json", corpus+"red-rocket.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var reps []lintReport
	if err := json.Unmarshal([]byte(out), &reps); err != nil || len(reps) != 1 {
		t.Fatalf("lint --json: %v\n%s", err, out)
	}
	rules := map[string]bool{}
	for _, f := range reps[0].Findings {
		rules[f.Rule] = true
		if f.Line <= 0 {
			t.Errorf("finding without a line: %+v", f)
		}
	}
	if len(reps[0].Findings) < 10 || !rules["peacock"] || !rules["weasel"] {
		t.Errorf("lint of the reference found %d findings with rules %v", len(reps[0].Findings), rules)
	}
	if code, _, _ := run(t, env, "lint", "article", "--strict", corpus+"red-rocket.txt"); code != 1 {
		t.Errorf("--strict with findings exit %d, want 1", code)
	}
}
