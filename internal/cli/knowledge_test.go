package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestKnowledgeCommands runs the theme editor's commands, the awards
// import and the refresh on the demo catalog (loaded by a first search).
func TestKnowledgeCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if code, _, errs := run(t, nil, "search", "--db", db, "anora"); code != 0 {
		t.Fatalf("loading the demo catalog: exit %d: %s", code, errs)
	}
	awards := "../catalog/testdata/awards"
	for _, tt := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"list", []string{"themes", "list", "--db", db}, 0, "american-dream"},
		{"list json", []string{"themes", "list", "--db", db, "--json", "--limit", "2"}, 0, `"films": `},
		{"rename", []string{"themes", "rename", "--db", db, "ambition", "Ambition"}, 0, "Ambition (ambition): 1 films"},
		{"merge into itself", []string{"themes", "merge", "--db", db, "class", "class"}, 1, "cannot be merged into itself"},
		{"merge", []string{"themes", "merge", "--db", db, "friendship", "unlikely-friendship"}, 0, "Unlikely friendship (unlikely-friendship): 2 films"},
		{"merge back is a cycle", []string{"themes", "merge", "--db", db, "unlikely-friendship", "friendship"}, 1, "cycle"},
		{"split empty", []string{"themes", "split", "--db", db, "sex-work", "Street work"}, 1, "no films"},
		{"split", []string{"themes", "split", "--db", db, "--films", "tangerine-2015", "sex-work", "Street hustling"}, 0, "Street hustling (street-hustling): 1 films"},
		{"split args", []string{"themes", "split", "--db", db, "sex-work"}, 2, "takes a theme's slug"},
		{"awards dry run", []string{"import", "awards", "--db", db, "--dry-run", awards + "/sean-baker.csv"}, 0, "7 imported"},
		{"awards bad", []string{"import", "awards", "--db", db, awards + "/bad.csv"}, 1, "nothing written"},
		{"awards json", []string{"import", "awards", "--db", db, "--format", "json", awards + "/sean-baker.json"}, 0, "3 imported"},
		{"awards bad format", []string{"import", "awards", "--db", db, "--format", "xml", awards + "/sean-baker.json"}, 2, "csv or json"},
		{"refresh", []string{"knowledge", "refresh", "--db", db}, 0, "7 films read"},
		{"refresh one", []string{"knowledge", "refresh", "--db", db, "--json", "red-rocket-2021"}, 0, `"films": 1`},
		{"refresh unknown", []string{"knowledge", "refresh", "--db", db, "no-such-film"}, 1, "no-such-film"},
	} {
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
