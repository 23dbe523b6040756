package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportNFOCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	lib := "../catalog/testdata/nfo/library"
	code, out, errs := run(t, nil, "import", "nfo", "--db", db, "--dry-run", lib)
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"nfo import (dry run, nothing written; created and matched are what would happen): 12 NFO files, 8 films read",
		"films: 8 created, 0 matched",
		"refused: Anora (2024)/poster.jpg: not an image (content looks like HTML or XML)",
		"Broken (2020)/movie.nfo: line 7: not well-formed XML",
		"Bad Year/movie.nfo: line 4: field year: not a year",
		"no poster: Movies/Prince of Broadway (2008).nfo",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = run(t, nil, "import", "nfo", "--db", db, "--json", lib)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	var sum struct {
		Created int `json:"films_created"`
		Errors  int `json:"errors"`
		Images  struct {
			Refused   int            `json:"refused"`
			RefusedBy map[string]int `json:"refused_by"`
		} `json:"images"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if sum.Created != 8 || sum.Errors != 2 || sum.Images.RefusedBy["not an image"] != 1 {
		t.Errorf("summary = %+v", sum)
	}
	if code, _, errs := run(t, nil, "import", "nfo", "--db", db, "--max-errors", "1", lib); code != 1 || !strings.Contains(errs, "nothing was imported") {
		t.Errorf("--max-errors 1: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, nil, "import", "images", "--db", db); code != 2 || !strings.Contains(errs, "one folder") {
		t.Errorf("images without a folder: exit %d, %s", code, errs)
	}
	if code, out, _ := run(t, nil, "import", "images", "--db", db, "--dry-run", lib+"/Anora (2024)"); code != 0 || !strings.Contains(out, "no film or person with slug poster") {
		t.Errorf("images dry run: exit %d, %s", code, out)
	}
}
