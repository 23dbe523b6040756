package dossier

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// fakeCatalog answers from two maps and counts the questions asked.
type fakeCatalog struct {
	films  map[string]string // title → slug
	people map[string]string // name → slug
	asked  int
}

func (c *fakeCatalog) FilmByTitle(title string, year int) (string, bool) {
	c.asked++
	slug, ok := c.films[title]
	return slug, ok
}

func (c *fakeCatalog) PersonByName(name string) (string, bool) {
	c.asked++
	slug, ok := c.people[name]
	return slug, ok
}

func TestParseLinksCatalog(t *testing.T) {
	cat := &fakeCatalog{
		films: map[string]string{"The Florida Project": "the-florida-project-2017", "Tangerine": "tangerine-2015",
			"Magic Mike": "magic-mike-2012"},
		people: map[string]string{"Sean Baker": "sean-baker", "Simon Rex": "simon-rex", "Bree Elrod": "bree-elrod"},
	}
	src := []byte("Plot Synopsis\n\nSimon Rex plays Mikey. Bree Elrod co-stars, and the film recalls Magic Mike in places.\n\n" +
		"Comparisons\n\nLike “The Florida Project” and “Tangerine,” it was directed by Sean Baker.\n\n" +
		"Director's Vision\n\nSpeaking to Variety, Baker said, “I wanted to show these people without judging them at all.”\n")
	d, err := Parse("links.txt", src, &Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	want := []film.Link{
		{Kind: "person", Name: "Simon Rex", Slug: "simon-rex"},
		{Kind: "person", Name: "Bree Elrod", Slug: "bree-elrod"},
		{Kind: "film", Name: "Magic Mike", Slug: "magic-mike-2012"},
		{Kind: "film", Name: "The Florida Project", Slug: "the-florida-project-2017"},
		{Kind: "film", Name: "Tangerine", Slug: "tangerine-2015"},
		{Kind: "person", Name: "Sean Baker", Slug: "sean-baker"},
	}
	if diff := cmp.Diff(want, d.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].SpeakerSlug != "sean-baker" || d.Quotes[0].Source != "Variety" {
		t.Errorf("quotes = %+v, want Sean Baker (sean-baker) in Variety", d.Quotes)
	}
	if cat.asked > 40 {
		t.Errorf("asked the catalog %d times for a short article", cat.asked)
	}
}

func TestParseCastSlugs(t *testing.T) {
	cat := &fakeCatalog{people: map[string]string{"Simon Rex": "simon-rex"}}
	d := parseFileWith(t, filepath.Join("testdata", "corpus", "red-rocket.txt"), &Options{Catalog: cat})
	want := []film.CastPair{{Person: "Simon Rex", Character: "Mikey Saber", PersonSlug: "simon-rex"}}
	if diff := cmp.Diff(want, d.Cast); diff != "" {
		t.Errorf("cast (-want +got):\n%s", diff)
	}
}

func TestParseOptions(t *testing.T) {
	src := []byte("Plot\n\nIn an interview with IndieWire, Marder said the film took years to make happen.\n\n" +
		"Vision\n\nSpeaking to Deadline, Marder explained: “We wanted the audience to hear what Ruben hears, all the time.”\n")
	d, err := Parse("sound.txt", src, &Options{Title: "Sound of Metal", Year: 2019, Slug: "som", Directors: []string{"Darius Marder"}})
	if err != nil {
		t.Fatal(err)
	}
	wantFilm := film.DossierFilm{Slug: "som", Title: "Sound of Metal", Year: 2019, Directors: []string{"Darius Marder"}}
	if diff := cmp.Diff(wantFilm, d.Film); diff != "" {
		t.Errorf("film (-want +got):\n%s", diff)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != "Darius Marder" || d.Quotes[0].Source != "Deadline" {
		t.Errorf("quotes = %+v; want the surname expanded to Darius Marder, source Deadline", d.Quotes)
	}
	d, err = Parse("sound.txt", src, &Options{KnownPeople: []string{"Darius Marder"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != "Darius Marder" {
		t.Errorf("with KnownPeople: quotes = %+v", d.Quotes)
	}
}

func parseFileWith(t *testing.T, path string, opts *Options) *film.Dossier {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(filepath.Base(path), src, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
