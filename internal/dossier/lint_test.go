package dossier

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestLintGolden compares the lint report on the reference article with
// testdata/lint/red-rocket.golden; run with -update to rewrite it, then
// read it before committing.
func TestLintGolden(t *testing.T) {
	path := filepath.Join("testdata", "corpus", "red-rocket.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range Lint("red-rocket.txt", src, nil, nil) {
		b.WriteString("red-rocket.txt:" + f.String() + "\n")
	}
	golden := filepath.Join("testdata", "lint", "red-rocket.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("lint report (-want +got):\n%s", diff)
	}
}

func TestLintRules(t *testing.T) {
	flop := &LintFacts{BoxOffice: &film.BoxOffice{Budget: 5_000_000, Grosses: []film.Gross{{Territory: "worldwide", Amount: 1_200_000}}}}
	hit := &LintFacts{BoxOffice: &film.BoxOffice{Budget: 1_000_000, Grosses: []film.Gross{{Territory: "worldwide", Amount: 40_000_000}}}}
	panned := &LintFacts{Rating: &film.Rating{Average: 4.2, Votes: 1200}}
	article := "Plot\n\nA man returns home.\n\nReception\n\n%s\n\nConclusion\n\nFine.\n"
	tests := []struct {
		name  string
		line  string
		facts *LintFacts
		want  []string // "line rule severity"
	}{
		{"peacock", "A masterful, iconic film.", nil, []string{"7 peacock warning", "7 peacock warning"}},
		{"peacock in a quotation is the speaker's", `Baker said, "It is a masterful and stunning piece of work," in an interview.`, nil, []string{"7 quote-source warning"}},
		{"acclaim without source", "It won widespread acclaim.", nil, []string{"7 peacock warning"}},
		{"acclaim with source", "It won acclaim from Variety.", nil, nil},
		{"weasel", "Some critics argue it is too long, and it is widely believed to be the best.", nil, []string{"7 weasel warning", "7 weasel warning"}},
		{"box office unchecked", "It was a box office hit.", nil, []string{"7 box-office-claim info"}},
		{"box office contradicted", "It performed admirably at the box office.", flop, []string{"7 box-office-claim error"}},
		{"box office confirmed", "It performed admirably at the box office.", hit, nil},
		{"box office negated", "It was not a blockbuster.", flop, nil},
		{"acclaim contradicted", "It met with critical acclaim in Variety.", panned, []string{"7 acclaim-claim error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(strings.Replace(article, "%s", tt.line, 1))
			var got []string
			for _, f := range Lint("a.txt", src, nil, tt.facts) {
				if f.Rule != "missing-section" {
					got = append(got, strings.Join([]string{itoa(f.Line), f.Rule, f.Severity}, " "))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLintMissingSections(t *testing.T) {
	src := []byte("Plot\n\nA man returns home.\n")
	var got []string
	for _, f := range Lint("a.txt", src, nil, nil) {
		got = append(got, f.Message)
	}
	want := []string{"no introduction section", "no characters section", "no reception section", "no conclusion section"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLintUnparseable(t *testing.T) {
	got := Lint("empty.txt", nil, nil, nil)
	want := []Finding{{Rule: "parse", Severity: "error", Message: "empty.txt: empty file"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
