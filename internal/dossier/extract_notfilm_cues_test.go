package dossier

import (
	"slices"
	"testing"
)

// The words around a title say when it names no film: a plural list
// ("magazines like X and Y"), a noun after it ("the "X" show", "his "X"
// column") or a paper's staff before it ("a reporter for X"), which
// holds for every later mention too.
func TestTitlesTheSentenceSaysAreNotFilms(t *testing.T) {
	src := "_Paper Moon Road_ is a 1988 drama film directed by Ann Lee.\n\n" +
		"Lee read magazines like _Silver Tide_ and _Comet Weekly_ while writing, and in a 1990 interview on the \"Night Desk\" show she " +
		"recalled a review in his \"Words at Dusk\" column. Her hero is a reporter for _The Lantern_; later _The Lantern_ prints his story. " +
		"Lee also cites _The Long Harbour_ as an influence."
	d, err := Parse("moon.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, no := range []string{"Silver Tide", "Comet Weekly", "Night Desk", "Words at Dusk", "The Lantern"} {
		if slices.Contains(d.Mentions.Films, no) {
			t.Errorf("%q listed as a film: %v", no, d.Mentions.Films)
		}
	}
	if !slices.Contains(d.Mentions.Films, "The Long Harbour") {
		t.Errorf("The Long Harbour not listed as a film: %v", d.Mentions.Films)
	}
}
