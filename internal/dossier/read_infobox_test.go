package dossier

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// An infobox field may hold an editor's comment, a <ref> note or a
// Plainlist spread over lines; each is read as the value it holds.
func TestInfoboxFieldsWithCommentsRefsAndLists(t *testing.T) {
	src := strings.Join([]string{
		"{{Infobox film",
		"| name = Example",
		"| directors = {{Plainlist|",
		"* [[Ann Lee]]",
		"* [[Bo Ross|Bo Ross]]{{refn|group=n|name=x}}",
		"}}",
		"| runtime = 92 minutes<!--Theatrical runtime: 92:10--><ref>{{cite web|title=BBFC}}</ref>",
		"| language = English<br>Italian",
		"}}",
		"'''''Example''''' is a 1975 comedy film directed by Lee and Ross.",
		"",
		"==Plot==",
		"Two friends go west and come back.",
	}, "\n")
	d, err := Parse("example.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Ann Lee", "Bo Ross"}, d.Film.Directors); diff != "" {
		t.Errorf("directors (-want +got):\n%s", diff)
	}
	var runtime, language string
	for _, r := range d.References {
		if v, ok := strings.CutPrefix(r, "infobox runtime: "); ok {
			runtime = v
		}
		if v, ok := strings.CutPrefix(r, "infobox language: "); ok {
			language = v
		}
	}
	if runtime != "92 minutes" || language != "English, Italian" {
		t.Errorf("runtime %q, language %q; want \"92 minutes\", \"English, Italian\"", runtime, language)
	}
}

// A one-column box holding a quotation and, in its last row, "— its
// author" is a quotation of that author's, not a table.
func TestQuoteBoxTableIsAttributedQuotation(t *testing.T) {
	src := strings.Join([]string{
		"'''Lantern Town''' is a 2004 animated film directed by Aiko Mori.",
		"",
		"==Production==",
		`{|class="toccolours" style="float: right;"`,
		`|style="text-align: left;"|I wanted a heroine who is an ordinary girl, someone the audience can stand beside.`,
		"|-",
		`|style="text-align: left;" |— Aiko Mori<ref name="x" />`,
		"|}",
		"Mori spent her summers by the sea.",
	}, "\n")
	d, err := Parse("lantern.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != "Aiko Mori" || !strings.HasPrefix(d.Quotes[0].Text, "I wanted a heroine") {
		t.Errorf("quotes = %+v, want the box's quotation by Aiko Mori", d.Quotes)
	}
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if b.Kind == film.BlockTable {
				t.Errorf("the quotation box stayed a table: %+v", b)
			}
		}
	}
}
