package knowledge_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/knowledge"
)

func parseReal(t *testing.T, name string) *film.Dossier {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../dossier/testdata/real", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := dossier.Parse(name, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPersonIntrosRealArticles runs the rule on real Wikipedia text
// (../dossier/testdata/real, CC BY-SA; see its NOTICE.md) with the films'
// real credits and characters.
func TestPersonIntrosRealArticles(t *testing.T) {
	for _, tc := range []struct {
		file                string
		credited, character []string
		want                []string // name: text
	}{{
		// "Eon Productions selected George Lazenby, a model with no prior
		// acting credits, to play the part of James Bond."
		file:      "ohmss-lead.wiki",
		credited:  []string{"George Lazenby", "Diana Rigg", "Telly Savalas", "Peter R. Hunt"},
		character: []string{"James Bond", "Tracy di Vicenzo", "Ernst Stavro Blofeld"},
		want:      []string{"George Lazenby: A model with no prior acting credits."},
	}, {
		// "Antonius Block, a medieval knight returning to Sweden …" is the
		// character: even were a person of that name credited, the
		// character's name refuses it.
		file:      "the-seventh-seal-passages.txt",
		credited:  []string{"Ingmar Bergman", "Max von Sydow", "Gunnar Björnstrand", "Bengt Ekerot", "Antonius Block"},
		character: []string{"Antonius Block", "Jöns", "Death"},
	}, {
		// A biopic: "Richard Williams, the father and coach of …" is
		// the character (and "the" describes no kind of person).
		file:      "king-richard-lead.md",
		credited:  []string{"Will Smith", "Aunjanue Ellis", "Saniyya Sidney", "Demi Singleton", "Jon Bernthal", "Reinaldo Marcus Green", "Zach Baylin", "Richard Williams"},
		character: []string{"Richard Williams", "Oracene \"Brandy\" Price", "Venus Williams", "Serena Williams", "Rick Macci"},
	}} {
		var got []string
		for _, in := range knowledge.PersonIntros(parseReal(t, tc.file), tc.credited, tc.character) {
			got = append(got, in.Name+": "+in.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.file, diff)
		}
	}
}

// TestPersonIntrosWholeRealCorpus: over every real article, with the
// people each names as credits (its cast list, directors and mentioned
// people) and its cast list's characters, the rule proposes three
// biographies, the only sentences of the corpus that introduce a real
// person with "a"/"an" (read by eye): George Lazenby in the OHMSS lead,
// Mark Abene and Charles Babbage in Hackers (both real people the article
// introduces in apposition; in a catalog they are proposed only to a
// person credited on the film).
func TestPersonIntrosWholeRealCorpus(t *testing.T) {
	files, err := filepath.Glob("../dossier/testdata/real/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("real corpus: %d files, %v", len(files), err)
	}
	var got []string
	for _, f := range files {
		if filepath.Base(f) == "NOTICE.md" {
			continue
		}
		d := parseReal(t, filepath.Base(f))
		credited := append([]string(nil), d.Film.Directors...)
		credited = append(credited, d.Mentions.People...)
		var chars []string
		for _, c := range d.Cast {
			credited = append(credited, c.Person)
			chars = append(chars, c.Character)
		}
		for _, in := range knowledge.PersonIntros(d, credited, chars) {
			got = append(got, filepath.Base(f)+": "+in.Name+": "+in.Text)
		}
	}
	want := []string{
		"hackers-1995.wiki: Mark Abene: A 22-year-old hacker who spent most of 1994 in prison on hacking charges.",
		"hackers-1995.wiki: Charles Babbage: An inventor of an early form of the computer.",
		"ohmss-lead.wiki: George Lazenby: A model with no prior acting credits.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPersonIntrosRule: the two shapes read, and what is refused.
func TestPersonIntrosRule(t *testing.T) {
	doc := func(kind film.SectionKind, text string) *film.Dossier {
		return &film.Dossier{Sections: []film.Section{{Kind: kind, Text: text}}}
	}
	credited := []string{"Sean Baker", "Simon Rex", "Bree Elrod", "Suzanna Son", "Cher"}
	chars := []string{"Mikey Saber", "Lexi", "Strawberry"}
	for _, tc := range []struct {
		name string
		d    *film.Dossier
		want []string
	}{
		{"appositive", doc(film.SectionProduction, "The film was directed by Sean Baker, an American filmmaker known for Tangerine and The Florida Project, from a script he wrote with Chris Bergoch."),
			[]string{"Sean Baker: An American filmmaker known for Tangerine and The Florida Project."}},
		{"subject sentence", doc(film.SectionIntroduction, "Sean Baker (born June 26, 1971) is an American filmmaker. He also edits his films."),
			[]string{"Sean Baker: Sean Baker (born June 26, 1971) is an American filmmaker."}},
		{"first introduction wins", doc(film.SectionProduction, "Simon Rex, a former MTV VJ, plays Mikey. Simon Rex, a rapper, also sings."),
			[]string{"Simon Rex: A former MTV VJ."}},
		{"the plot is about characters", doc(film.SectionPlot, "Simon Rex, a washed-up porn star, returns to Texas City."), nil},
		{"'the' names no kind of person", doc(film.SectionProduction, "Bree Elrod, the film's Lexi, was cast late."), nil},
		{"possessive", doc(film.SectionProduction, "Sean Baker's, a style of its own."), nil},
		{"a longer name", doc(film.SectionProduction, "Sean Bakerson, an actor, is not Sean Baker."), nil},
		{"one-word name", doc(film.SectionProduction, "Cher, an American singer, is not in it."), nil},
		{"too short", doc(film.SectionProduction, "Suzanna Son, a newcomer, plays Strawberry."), nil},
		{"not cut at an abbreviation", doc(film.SectionProduction, "He met Suzanna Son, a singer from St. Louis, at a cinema."),
			[]string{"Suzanna Son: A singer from St. Louis."}},
	} {
		var got []string
		for _, in := range knowledge.PersonIntros(tc.d, credited, chars) {
			got = append(got, in.Name+": "+in.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	// Two credited people who share a name: neither is read about.
	d := doc(film.SectionProduction, "Sean Baker, an American filmmaker known for Tangerine, directed it.")
	if got := knowledge.PersonIntros(d, []string{"Sean Baker", "Sean Baker"}, nil); len(got) != 0 {
		t.Errorf("a shared name: %+v", got)
	}
}
