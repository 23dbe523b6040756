package web

import (
	"context"
	"strings"
	"testing"

	"marquee/internal/dossier"
)

// TestFilmPageImportedArticle imports a Markdown review the way `import
// article` does (dossier.Parse, then PutDossier) and checks what the film
// page makes of it: one Cast section, each quotation once and without the
// comma British style keeps inside the marks, and italic titles in
// italics (<cite>), never turned into “quoted” text.
func TestFilmPageImportedArticle(t *testing.T) {
	h, st := newTestHandler(t)
	const quote = "I wanted the town to play itself"
	src := "# Red Rocket review\n\n" +
		"Sean Baker's *Red Rocket* follows Mikey Saber home to Texas City. After *Tangerine* and *The Florida Project*, " +
		"“" + quote + ",” Baker told *IndieWire*, and the non-professional cast bears him out.\n\n" +
		"## Cast\n\n- Simon Rex as Mikey Saber\n- Suzanna Son as Strawberry\n- Bree Elrod as Lexi\n\n" +
		"## Verdict\n\nThe film is funny and uneasy at once, and Rex is a revelation.\n"
	d, err := dossier.Parse("red-rocket-review.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Text != quote {
		t.Fatalf("quotes = %+v, want one: %q", d.Quotes, quote)
	}
	if _, err := st.PutDossier(context.Background(), "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, h, "/films/red-rocket-2021")
	body := page
	if i := strings.Index(page, `<div class="dossier">`); i >= 0 {
		body = page[i:]
		if j := strings.Index(body, "Dossier revision"); j >= 0 {
			body = body[:j]
		}
	} else {
		t.Fatalf("no dossier on the page")
	}
	if n := strings.Count(page, ">Cast</h2>"); n != 1 {
		t.Errorf("%d Cast sections, want 1", n)
	}
	if n := strings.Count(body, quote); n != 1 {
		t.Errorf("quote shown %d times, want 1", n)
	}
	if strings.Contains(body, "<p>"+quote+",") {
		t.Errorf("the quotation is set apart with its trailing comma")
	}
	for _, want := range []string{"<cite>Tangerine</cite>", "<cite>The Florida Project</cite>"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"“Red Rocket”", "“Tangerine”", "*Tangerine*"} {
		if strings.Contains(body, bad) {
			t.Errorf("page shows %s: an italic title lost its italics", bad)
		}
	}
	// The export renders the same text through the same renderer.
	export := string(dossier.RenderHTML(d))
	for _, want := range []string{"<cite>Red Rocket</cite>", "<cite>Tangerine</cite>"} {
		if !strings.Contains(export, want) {
			t.Errorf("RenderHTML lacks %s:\n%s", want, export)
		}
	}
}
