package dossier

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

func TestRenderTextReference(t *testing.T) {
	d := parseFile(t, filepath.Join("testdata", "corpus", "red-rocket.txt"))
	text := "\n" + string(RenderText(d))
	// The reference's headings, labels and FAQ come out in order.
	var order []string
	for _, s := range d.Sections {
		if s.Heading != "" {
			order = append(order, "\n"+s.Heading+"\n")
		}
		for _, sub := range s.Subsections {
			order = append(order, "\n"+sub.Label+": ")
		}
	}
	order = append(order, "\nIn conclusion, ", "\n1. Is “Red Rocket” suitable for all audiences?\n\n  • Due to", "\n5. What impact")
	at := 0
	for _, want := range order {
		i := strings.Index(text[at:], want)
		if i < 0 {
			t.Fatalf("RenderText: %q missing or out of order after byte %d", want, at)
		}
		at += i + len(want)
	}
}

func TestRenderJSON(t *testing.T) {
	d := parseFile(t, filepath.Join("testdata", "corpus", "red-rocket.txt"))
	b, err := RenderJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Film     map[string]any   `json:"film"`
		Sections []map[string]any `json:"sections"`
		FAQ      []map[string]any `json:"faq"`
		Cast     []map[string]any `json:"cast"`
		Quotes   []map[string]any `json:"quotes"`
		Mentions map[string]any   `json:"mentions"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"slug", "title", "directors"} {
		if got.Film[k] == nil {
			t.Errorf("film.%s missing", k)
		}
	}
	for _, k := range []string{"kind", "heading", "subsections", "text"} {
		if _, ok := got.Sections[0][k]; !ok {
			t.Errorf("sections[0].%s missing", k)
		}
	}
	if got.FAQ[0]["question"] == nil || got.Cast[0]["person"] == nil || got.Quotes[0]["speaker"] == nil {
		t.Errorf("faq, cast or quotes fields missing: %s", b)
	}
	for _, k := range []string{"films", "people", "places", "publications"} {
		if _, ok := got.Mentions[k].([]any); !ok {
			t.Errorf("mentions.%s = %v, want a list", k, got.Mentions[k])
		}
	}
}

func TestRenderJSONEmptyLists(t *testing.T) {
	b, err := RenderJSON(&film.Dossier{Sections: []film.Section{{Kind: film.SectionPlot}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"faq": []`, `"cast": []`, `"quotes": []`, `"films": []`, `"subsections": []`, `"directors": []`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "null") {
		t.Errorf("JSON has null:\n%s", b)
	}
}

func TestRenderHTML(t *testing.T) {
	d := &film.Dossier{
		Title: "Red <Rocket>",
		Sections: []film.Section{
			{Kind: film.SectionIntroduction, Blocks: []film.Block{{Kind: film.BlockParagraph, Text: "Tom & Jerry <script>"}}},
			{Kind: film.SectionCharacters, Heading: "Cast", Subsections: []film.Subsection{{Label: "Leads",
				Blocks: []film.Block{{Kind: film.BlockList, Items: []string{"Simon Rex as Mikey"}}}}}},
			{Kind: film.SectionBoxOffice, Heading: "Box Office", Blocks: []film.Block{{Kind: film.BlockTable,
				Header: []string{"Territory", "Gross"}, Rows: [][]string{{"Domestic", "$1"}}}}},
			{Kind: film.SectionFAQ},
		},
		FAQ:    []film.FAQ{{Question: "Is it <good>?", Answer: "Yes."}},
		Quotes: []film.Quote{{Text: "Honesty.", Speaker: "Sean Baker", Source: "IndieWire"}},
	}
	got := string(RenderHTML(d))
	for _, want := range []string{"<h1>Red &lt;Rocket&gt;</h1>", `<section id="introduction">`, "<p>Tom &amp; Jerry &lt;script&gt;</p>",
		`<section id="characters">`, "<h2>Cast</h2>", "<h3>Leads</h3>", "<ul><li>Simon Rex as Mikey</li></ul>",
		`<thead><tr><th scope="col">Territory</th><th scope="col">Gross</th></tr></thead>`, "<td>$1</td>", `<section id="faq">`, "<h2>FAQ</h2>",
		"<dt>Is it &lt;good&gt;?</dt>", "<blockquote><p>Honesty.</p><footer>Sean Baker, <cite>IndieWire</cite></footer></blockquote>"} {
		if !strings.Contains(got, want) {
			t.Errorf("RenderHTML lacks %s\n%s", want, got)
		}
	}
}

func TestRenderMarkdownReparses(t *testing.T) {
	for _, path := range roundTripFiles(t) {
		d1 := parseFile(t, path)
		d2, err := Parse("md", RenderMarkdown(d1), nil)
		if err != nil {
			t.Fatalf("%s: Markdown does not parse: %v", path, err)
		}
		if diff := cmp.Diff(outlineOf(d1), outlineOf(d2)); diff != "" && !strings.Contains(path, "setext") {
			// Untitled sections come back titled with their label.
			if len(d1.Sections) != len(d2.Sections) {
				t.Errorf("%s: Markdown outline (-text +md):\n%s", path, diff)
			}
		}
		if diff := cmp.Diff(stripLines(d1.FAQ), stripLines(d2.FAQ)); diff != "" {
			t.Errorf("%s: Markdown FAQ (-text +md):\n%s", path, diff)
		}
	}
}

// TestRenderHTMLItalicTitles checks that an italic title in a Markdown
// article comes back in italics (<cite>) from the shared renderer, not as
// the “quoted” title the parser keeps in plain text, while a quotation
// stays quoted.
func TestRenderHTMLItalicTitles(t *testing.T) {
	src := "# Parasite\n\n## Review\n\nBong Joon-ho's *Parasite* is about class, and “it is a film about stairs,” Roger Ebert wrote in the *Chicago Sun-Times*.\n"
	d, err := Parse("parasite.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := string(RenderHTML(d))
	for _, want := range []string{"<cite>Parasite</cite>", "<cite>Chicago Sun-Times</cite>", "“it is a film about stairs,”"} {
		if !strings.Contains(got, want) {
			t.Errorf("RenderHTML lacks %s\n%s", want, got)
		}
	}
	if strings.Contains(got, "“Parasite”") {
		t.Errorf("the italic title came back quoted:\n%s", got)
	}
}
