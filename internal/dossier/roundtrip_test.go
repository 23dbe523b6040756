package dossier

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"marquee/internal/film"
)

// roundTripFiles are every article the parser is tested on.
func roundTripFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"corpus", "articles"} {
		m, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// comparable keeps what the round trip must preserve: no line numbers,
// noise, warnings or source name.
func comparable(d *film.Dossier) *film.Dossier {
	c := *d
	c.Noise, c.Warnings, c.Source = nil, nil, ""
	return &c
}

var ignoreLines = cmp.Options{
	cmpopts.IgnoreFields(film.Section{}, "Line"),
	cmpopts.IgnoreFields(film.Subsection{}, "Line"),
	cmpopts.IgnoreFields(film.Block{}, "Line"),
	cmpopts.IgnoreFields(film.FAQ{}, "Line"),
	cmpopts.IgnoreFields(film.Quote{}, "Line"),
	cmpopts.IgnoreFields(film.ArticleFact{}, "Line"),
	cmpopts.IgnoreFields(film.Dossier{}, "Format", "References"), // rendered text is read as text; back matter is data, not rendered
}

// TestRoundTripText checks Parse(RenderText(Parse(x))) == Parse(x).
func TestRoundTripText(t *testing.T) {
	for _, path := range roundTripFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d1, err := Parse(path, src, nil)
			if err != nil {
				t.Skipf("does not parse: %v", err)
			}
			text := RenderText(d1)
			d2, err := Parse("rendered", text, nil)
			if err != nil {
				t.Fatalf("rendered text does not parse: %v\n%s", err, text)
			}
			if diff := cmp.Diff(comparable(d1), comparable(d2), ignoreLines); diff != "" {
				t.Errorf("round trip (-first +second):\n%s", diff)
			}
		})
	}
}
