package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	data := "../catalog/testdata"
	tests := []struct {
		name string
		args []string
		code int
		out  string // a substring of stdout (or stderr for failures)
	}{
		{"imdb", []string{"import", "imdb", "--db", db, data + "/imdb/ok"}, 0, "imdb import: 49 rows read, 41 imported, 0 updated, 5 matched nothing"},
		{"imdb dry run of bad rows", []string{"import", "imdb", "--db", db, "--dry-run", data + "/imdb/bad"}, 0, "error: title.basics.tsv: line 3: wrong column count"},
		{"imdb max errors", []string{"import", "imdb", "--db", db, "--max-errors", "1", data + "/imdb/bad"}, 1, "too many malformed rows"},
		{"imdb no dir", []string{"import", "imdb", "--db", db}, 2, "one directory"},
		{"imdb flags after args", []string{"import", "imdb", "--db", db, data + "/imdb/ok", "--types", "all"}, 2, "must come before"},
		{"imdb wrong header", []string{"import", "imdb", "--db", db, data + "/imdb/wrongheader"}, 1, "wrong header"},
		{"movielens", []string{"import", "movielens", "--db", db, data + "/movielens"}, 0, "movielens import"},
		{"letterboxd", []string{"import", "letterboxd", "--db", db, "--user", "moonee", data + "/letterboxd"}, 0, "unmatched films (2)"},
		{"letterboxd without user", []string{"import", "letterboxd", "--db", db, data + "/letterboxd"}, 2, "--user NAME is required"},
		{"boxoffice", []string{"import", "boxoffice", "--db", db, "--years", "1888-2011", data + "/boxoffice/vega-movies.json"}, 0, "3178 imported"},
		{"boxoffice bad map", []string{"import", "boxoffice", "--db", db, "--map", "gross=US Gross", data + "/boxoffice/vega-movies.json"}, 2, "unknown field"},
		{"gen", []string{"dev", "gen-imdb", "--scale", "0.0001", filepath.Join(dir, "gen")}, 0, "title.principals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, nil, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(out+errs, tt.out) {
				t.Errorf("output lacks %q\nstdout: %s\nstderr: %s", tt.out, out, errs)
			}
		})
	}
}

func TestImportJSONSummary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	code, out, errs := run(t, nil, "import", "imdb", "--db", db, "--json", "../catalog/testdata/imdb/bad")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var sum struct {
		Read      int64 `json:"read"`
		Errors    int   `json:"errors"`
		RowErrors []struct {
			File  string `json:"file"`
			Line  int    `json:"line"`
			Field string `json:"field"`
		} `json:"row_errors"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if sum.Errors != 7 || len(sum.RowErrors) != 7 || sum.RowErrors[0].File != "name.basics.tsv" {
		t.Errorf("summary = %+v", sum)
	}
	if _, err := os.Stat(db); err != nil {
		t.Error(err)
	}
}
