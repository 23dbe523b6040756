package dossier

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLintWordsToWatch checks the puffery of Wikipedia's "Words to watch"
// in the register of film writing, each reported on its own line.
func TestLintWordsToWatch(t *testing.T) {
	src := strings.Join([]string{
		"# Parasite",
		"",
		"The film was hugely successful in South Korea.",
		"",
		"It is one of the greatest films ever made, a must-see for anyone.",
		"",
		"The ending is a testament to Bong's control.",
		"",
		"The film runs 132 minutes.",
	}, "\n")
	d, err := Parse("p.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	for _, f := range Lint("p.md", []byte(src), d, nil) {
		if f.Rule == "peacock" || f.Rule == "weasel" {
			got[f.Line] = append(got[f.Line], f.Excerpt)
		}
	}
	lines := map[int]int{}
	for l, ex := range got {
		lines[l] = len(ex)
	}
	want := map[int]int{3: 1, 5: 2, 7: 1}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("findings per line (-want +got):\n%s\n%v", diff, got)
	}
}
