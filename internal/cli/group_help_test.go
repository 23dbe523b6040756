package cli

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
)

func TestGroupHelpListsSubcommands(t *testing.T) {
	code, out, _ := run(t, nil, "import", "--help")
	if code != 0 {
		t.Fatalf("import --help exit %d", code)
	}
	for _, sub := range []string{"import article", "import imdb", "import movielens", "import letterboxd", "import boxoffice"} {
		if !strings.Contains(out, sub) {
			t.Errorf("import --help lacks %q:\n%s", sub, out)
		}
	}
	if code, _, errOut := run(t, nil, "import", "nonsense"); code != 2 || !strings.Contains(errOut, `unknown subcommand "nonsense"`) || !strings.Contains(errOut, "import imdb") {
		t.Errorf("import nonsense: exit %d, stderr:\n%s", code, errOut)
	}
	if code, _, errOut := run(t, nil, "dev"); code != 2 || !strings.Contains(errOut, "dev gen-imdb") {
		t.Errorf("dev: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestVersionReportsBuild(t *testing.T) {
	code, out, _ := run(t, nil, "version", "--json")
	if code != 0 {
		t.Fatalf("version exit %d", code)
	}
	var v buildVersion
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("version --json: %v: %s", err, out)
	}
	if v.Version == "" || v.Go != runtime.Version() {
		t.Errorf("version = %+v, want a version and Go %s", v, runtime.Version())
	}
}
