package knowledge

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/dossier"
	"marquee/internal/film"
)

func TestThemesInText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"It delves into a myriad of themes, including redemption, identity, the pursuit of the American Dream, and the consequences of unchecked ambition.",
			[]string{"redemption", "identity", "american dream", "ambition"}},
		{"At its core, the film is a meditation on the elusive nature of the American Dream and the lengths to which individuals will go in pursuit of it.",
			[]string{"american dream"}},
		{"At its heart, “Tangerine” is about chosen family. Sin-Dee fights.", []string{"chosen family"}},
		{"Others delve into deeper themes of redemption and forgiveness.", []string{"redemption", "forgiveness"}},
		{"Sex workers appear in the film.", nil},
		{"The film explores it.", nil},
	} {
		var got []string
		for _, f := range ThemesInText(tc.in) {
			got = append(got, f.Key)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ThemesInText(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestStrength(t *testing.T) {
	if s := Strength(map[string]int{EvCatalog: 1}); s != 0.9 {
		t.Errorf("catalog alone = %v, want 0.9", s)
	}
	one := Strength(map[string]int{EvMention: 1})
	many := Strength(map[string]int{EvMention: 50})
	five := Strength(map[string]int{EvMention: 5})
	if !(one < five && five == many) {
		t.Errorf("mentions: 1 → %v, 5 → %v, 50 → %v; want growth capped at five", one, five, many)
	}
	both := Strength(map[string]int{EvSection: 1, EvFAQ: 1})
	if both <= 0.7 || both >= 1 {
		t.Errorf("section+faq = %v, want in (0.7, 1)", both)
	}
	if s := Strength(map[string]int{EvTags: 100}); s != 0.7 {
		t.Errorf("tags cap = %v, want 0.7", s)
	}
}

// TestDossierThemesRedRocket reads the demo article on Red Rocket and
// checks that the themes it names come out, strongest first.
func TestDossierThemesRedRocket(t *testing.T) {
	src, err := os.ReadFile("../demo/articles/red-rocket.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dossier.Parse("red-rocket.txt", src, &dossier.Options{Title: "Red Rocket", Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	found := DossierThemes(d, map[string]bool{"sex work": true, "fireworks": true})
	got := map[string]bool{}
	for _, f := range Ranked(found) {
		got[f.Key] = true
	}
	for _, k := range []string{"american dream", "redemption", "ambition"} {
		if !got[k] {
			t.Errorf("theme %q missing; ranked: %v", k, Ranked(found))
		}
	}
	if got["it"] || got["myriad"] {
		t.Errorf("pronoun or filler taken as a theme: %v", got)
	}
	_ = film.SectionThemes
}
