package dossier

import (
	"strings"
	"testing"

	"marquee/internal/film"
)

func castHas(d *film.Dossier, person, character string) bool {
	for _, p := range d.Cast {
		if p.Person == person && p.Character == character {
			return true
		}
	}
	return false
}

// A voice-cast table names its columns "Character name", "Japanese voice
// actor", "English voice actor"; an actor with rowspan=2 voices the row
// below too, and names in templates are read as the names they show.
func TestVoiceCastTableWithRowspanAndTemplates(t *testing.T) {
	src := strings.Join([]string{
		"'''Lantern Town''' is a 2004 animated film directed by Aiko Mori.",
		"",
		"==Cast==",
		`{| class="wikitable"`,
		"|-",
		"! Character name",
		"! Japanese voice actor",
		"! English voice actor",
		"|-",
		"| {{nihongo|Mina Sato|佐藤 美奈|Satō Mina}}/{{nihongo|Min|ミン}} || [[Yui Kondo]] || [[Clara Webb]]",
		"|-",
		`| {{nihongo|Old Kite|凧}} ||rowspan="2"| [[Goro Aoki]] ||rowspan="2"| [[Peter Hale]]`,
		"|-",
		"| {{nihongo|Young Kite|若凧}}",
		"|-",
		"| {{nihongo|Ren|レン}}, Mina's brother || {{Interlanguage link multi|Sho Ueda|ja|3=上田翔}} || [[Tom Price (actor)|Tom Price]]",
		"|}",
	}, "\n")
	d, err := Parse("lantern.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range [][2]string{{"Yui Kondo", "Mina Sato / Min"}, {"Clara Webb", "Mina Sato / Min"},
		{"Goro Aoki", "Old Kite"}, {"Goro Aoki", "Young Kite"}, {"Peter Hale", "Young Kite"},
		{"Sho Ueda", "Ren"}, {"Tom Price", "Ren"}} {
		if !castHas(d, want[0], want[1]) {
			t.Errorf("cast lacks %s as %s; got %v", want[0], want[1], d.Cast)
		}
	}
}

// A table with a row per actor ("! scope=row | {{sortname|…}}"), a main
// role and "other roles" separated by " / ": every role is the actor's,
// and a bracketed note in a role cell names no one.
func TestCastTableWithOtherRoles(t *testing.T) {
	src := strings.Join([]string{
		"'''Castle Soup''' is a 1979 comedy film directed by Ann Lee.",
		"",
		"==Cast==",
		`{| class="wikitable plainrowheaders"`,
		"|-",
		"! Actor !! Main role !! Other roles (in order of appearance)",
		"|-",
		`! scope="row" | {{sortname|Owen|Marsh}}`,
		"| [[Sir Tobias|Sir Tobias the Bold]]",
		"| Gate Guard #1 / Soup Seller / Shy Painter (Himself)",
		"|-",
		`! scope="row" | {{sortname|Ruth|Penn}}`,
		"| Lady Ember, the Baker",
		"|",
		"|}",
	}, "\n")
	d, err := Parse("soup.wiki", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range [][2]string{{"Owen Marsh", "Sir Tobias the Bold"}, {"Owen Marsh", "Gate Guard #1"},
		{"Owen Marsh", "Soup Seller"}, {"Owen Marsh", "Shy Painter"}, {"Ruth Penn", "Lady Ember, the Baker"}} {
		if !castHas(d, want[0], want[1]) {
			t.Errorf("cast lacks %s as %s; got %v", want[0], want[1], d.Cast)
		}
	}
	for _, p := range d.Cast {
		if p.Person == "Shy Painter" {
			t.Errorf("a role was taken for an actor: %v", p)
		}
	}
}
