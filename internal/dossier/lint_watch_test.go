package dossier

import (
	"fmt"
	"os"
	"path/filepath"
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

// TestWordsToWatchData checks the data file: each list is there and the
// file names its source.
func TestWordsToWatchData(t *testing.T) {
	for _, name := range []string{"peacock", "acclaim", "weasel", "success", "acclaim-claim"} {
		if len(wordsToWatch[name]) == 0 {
			t.Errorf("words-to-watch.txt has no [%s] list", name)
		}
	}
	if !strings.Contains(wordsToWatchTxt, "Wikipedia:Manual_of_Style/Words_to_watch") {
		t.Error("words-to-watch.txt does not name its source")
	}
}

// TestLintRealPuffery lints a real article: Wikipedia's own lead of
// Goodfellas says "one of the greatest films ever made" (a link to the
// list of films considered the best), and lint reports it on the line
// the phrase starts on.
func TestLintRealPuffery(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "real", "goodfellas.html"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("goodfellas.html", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, "greatest films ever made") {
			want = i // the phrase opens at the end of the line before
		}
	}
	var got []string
	found := false
	for _, f := range Lint("goodfellas.html", src, d, nil) {
		got = append(got, fmt.Sprintf("%d %s %q", f.Line, f.Rule, f.Excerpt))
		found = found || f.Rule == "peacock" && strings.Contains(f.Message, "one of the greatest films ever made") && f.Line == want
	}
	if !found {
		t.Errorf("no peacock finding for \"one of the greatest films ever made\" (phrase on line %d); got %v", want, got)
	}
}
