package web

import (
	"context"
	"strings"
	"testing"

	"marquee/internal/film"
)

// TestFilmPageDossierOnce checks what the film page makes of an imported
// article: one Cast section (the table; the article's own cast list is in
// it), each quote once, italic titles as <cite>, and the article's facts
// shown as the article's.
func TestFilmPageDossierOnce(t *testing.T) {
	h, st := newTestHandler(t)
	quote := "I wanted the kids to run the film"
	d := &film.Dossier{
		Film:   film.DossierFilm{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021},
		Source: "red-rocket-review.md",
		Sections: []film.Section{
			{Kind: film.SectionReview, Text: "x", Blocks: []film.Block{
				{Kind: film.BlockParagraph, Text: "After “Starlet”, Baker said, “" + quote + ".” The film cost $1.5 million."},
			}, Subsections: []film.Subsection{}},
			{Kind: film.SectionCharacters, Heading: "Cast", Text: "Simon Rex as Mikey Saber", Blocks: []film.Block{
				{Kind: film.BlockList, Items: []string{"Simon Rex as Mikey Saber"}},
			}, Subsections: []film.Subsection{}},
		},
		Cast:     []film.CastPair{{Person: "Simon Rex", Character: "Mikey Saber"}},
		Quotes:   []film.Quote{{Text: quote + ".", Speaker: "Sean Baker", Section: film.SectionReview}},
		Mentions: film.Mentions{Films: []string{"Starlet"}},
		Facts:    []film.ArticleFact{{Kind: film.FactBudget, Value: "$1.5 million", Amount: 1_500_000, Currency: "USD", Line: 3}},
	}
	if _, err := st.PutDossier(context.Background(), "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, h, "/films/red-rocket-2021")
	if n := strings.Count(body, ">Cast</h2>"); n != 1 {
		t.Errorf("%d Cast sections, want 1", n)
	}
	if n := strings.Count(body, quote); n != 1 {
		t.Errorf("quote shown %d times, want 1", n)
	}
	if !strings.Contains(body, "<cite>Starlet</cite>") {
		t.Errorf("the italic title is not set as <cite>")
	}
	if !strings.Contains(body, "According to the article") || !strings.Contains(body, "$1.5 million") {
		t.Errorf("the article's facts are not shown as the article's")
	}
}
