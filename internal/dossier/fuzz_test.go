package dossier

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and that what it returns holds
// together: one *ParseError, or a dossier whose kinds are valid, whose FAQ
// questions are not empty, and whose text renders and parses again.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"corpus", "articles", "dev", "real"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, path := range files {
			if src, err := os.ReadFile(path); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("fuzz.txt", src, nil)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || d != nil {
				t.Fatalf("Parse = %v, %v; want nil and a *ParseError", d, err)
			}
			if strings.Contains(pe.Reason, "internal error") {
				t.Fatalf("Parse recovered from a panic: %v", err)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid dossier: %v", err)
		}
		for _, s := range d.Sections {
			if !s.Kind.Valid() {
				t.Fatalf("section kind %q", s.Kind)
			}
			if !utf8.ValidString(s.Text) || !utf8.ValidString(s.Heading) {
				t.Fatalf("section %q has invalid UTF-8", s.Heading)
			}
		}
		for _, q := range d.FAQ {
			if strings.TrimSpace(q.Question) == "" {
				t.Fatal("empty FAQ question")
			}
		}
		// Rendering must not panic either; what Lint finds is not checked.
		RenderText(d)
		RenderMarkdown(d)
		if h := strings.ToLower(string(RenderHTML(d))); strings.Contains(h, "<script") || strings.Contains(h, "<img") {
			t.Fatalf("RenderHTML let markup from the article through:\n%s", h)
		}
		if _, err := RenderJSON(d); err != nil {
			t.Fatal(err)
		}
		Lint("fuzz.txt", src, d, nil)
	})
}
