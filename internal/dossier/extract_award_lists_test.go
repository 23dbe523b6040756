package dossier

import (
	"slices"
	"strings"
	"testing"
)

// An "Awards" section's "Wins" and "Nominations" lists give the film's
// awards; their "Award (Winner)" items are no cast pairs.
func TestAwardListsAreFactsNotCast(t *testing.T) {
	src := strings.Join([]string{
		"'''Lantern Town''' is a 1953 drama film directed by Aiko Mori.",
		"",
		"==Plot==",
		"A kite maker loses her shop.",
		"",
		"==Awards==",
		"===Wins===",
		"*[[Academy Award for Best Actress]] ([[Yui Kondo]])",
		"*[[Academy Award for Best Costume Design|Academy Award for Best Costume Design, Black-and-White]] ([[Dee Moss]])",
		"===Nominations===",
		"*[[Academy Award for Best Picture]]",
		"*[[Academy Award for Best Director]] ([[Aiko Mori]])",
	}, "\n")
	d, err := Parse("lantern.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range d.Facts {
		got = append(got, f.Kind+"="+f.Value)
	}
	for _, want := range []string{"award_won=Academy Award for Best Actress", "award_won=Academy Award for Best Costume Design",
		"award_nominated=Academy Award for Best Picture", "award_nominated=Academy Award for Best Director"} {
		if !slices.Contains(got, want) {
			t.Errorf("facts lack %s: %v", want, got)
		}
	}
	if len(d.Cast) != 0 {
		t.Errorf("award items read as cast: %v", d.Cast)
	}
}
