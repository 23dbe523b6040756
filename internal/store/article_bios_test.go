package store

import (
	"context"
	"testing"

	"marquee/internal/film"
)

// TestArticleBios: a film's article that introduces a credited person
// proposes their biography with the article as source; it never replaces
// a biography from a person NFO; a new revision that no longer says it
// withdraws it; a person whose name is a character's is not read about.
func TestArticleBios(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.PutFilm(ctx, &film.Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021}))
		for _, p := range []struct{ slug, name string }{{"sean-baker", "Sean Baker"}, {"simon-rex", "Simon Rex"}, {"bree-elrod", "Bree Elrod"}, {"mikey-saber", "Mikey Saber"}} {
			must(s.PutPerson(ctx, &film.Person{Slug: p.slug, Name: p.name}))
			role := film.RoleCast
			if p.slug == "sean-baker" {
				role = film.RoleDirector
			}
			must(s.PutCredit(ctx, film.Credit{FilmSlug: "red-rocket-2021", PersonSlug: p.slug, Role: role}))
		}
		must(s.PutCharacter(ctx, film.Character{FilmSlug: "red-rocket-2021", Slug: "mikey-saber", Name: "Mikey Saber", PlayedBySlug: "simon-rex"}))
		_, err := s.WriteDB().ExecContext(ctx, `INSERT INTO person_bios (person_id, biography, source)
			SELECT id, 'An NFO biography.', 'nfo:People/B/Bree Elrod/person.nfo' FROM people WHERE slug = 'bree-elrod'`)
		must(err)
		article := func(text string) *film.Dossier {
			return &film.Dossier{Film: film.DossierFilm{Title: "Red Rocket"}, Sections: []film.Section{{Kind: film.SectionProduction, Heading: "Production", Text: text}}}
		}
		_, err = s.PutDossier(ctx, "red-rocket-2021", article("The film is by Sean Baker, an American filmmaker known for Tangerine, and stars Simon Rex. "+
			"Bree Elrod, an actress from the stage, plays Lexi. Mikey Saber, a washed-up porn star, comes home."), "test")
		must(err)
		bio := func(slug string) string {
			t.Helper()
			b, err := s.PersonBio(ctx, slug)
			must(err)
			if b == nil {
				return ""
			}
			return b.Source + " " + b.Biography
		}
		if got, want := bio("sean-baker"), "article:red-rocket-2021 An American filmmaker known for Tangerine."; got != want {
			t.Errorf("Sean Baker's biography %q, want %q", got, want)
		}
		if got, want := bio("bree-elrod"), "nfo:People/B/Bree Elrod/person.nfo An NFO biography."; got != want {
			t.Errorf("the NFO biography became %q", got)
		}
		if got := bio("mikey-saber"); got != "" {
			t.Errorf("a person named like the film's character got %q", got)
		}
		_, err = s.PutDossier(ctx, "red-rocket-2021", article("The film is by Sean Baker."), "test")
		must(err)
		if got := bio("sean-baker"); got != "" {
			t.Errorf("a revision without the introduction keeps %q", got)
		}
	})
}
