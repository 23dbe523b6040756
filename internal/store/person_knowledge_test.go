package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/knowledge"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// TestPersonKnowledgeProlific: a person with more credits than a request
// reads has their answers' facts stored by the refresh; what the page
// gets from the stored row is what it got from the credits before.
func TestPersonKnowledgeProlific(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, p := range []film.Person{{Slug: "ada", Name: "Ada Prolific"}, {Slug: "cal", Name: "Cal"}, {Slug: "bea", Name: "Bea"},
			{Slug: "dan", Name: "Dan"}, {Slug: "eve", Name: "Eve"}} {
			if err := s.PutPerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		n := store.ProlificCredits + 10
		credit := func(fslug, pslug string, role film.Role, char string) {
			t.Helper()
			if err := s.PutCredit(ctx, film.Credit{FilmSlug: fslug, PersonSlug: pslug, Role: role, Character: char, Billing: 1}); err != nil {
				t.Fatal(err)
			}
		}
		for i := range n {
			f := &film.Film{Slug: fmt.Sprintf("f-%d", i), Title: fmt.Sprintf("F%d", i), Year: 1950 + i,
				Rating: film.Rating{Average: 6, Votes: int64((i * 37) % 101)}}
			if err := s.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
			credit(f.Slug, "ada", film.RoleDirector, "")
			if i%7 == 0 {
				credit(f.Slug, "ada", film.RoleCast, "Herself")
			}
			if i%2 == 0 {
				credit(f.Slug, "bea", film.RoleCast, "B")
			}
			if i%2 == 1 {
				credit(f.Slug, "cal", film.RoleCast, "C")
			}
			if i < 3 {
				credit(f.Slug, "dan", film.RoleWriter, "")
			}
		}
		credit("f-5", "eve", film.RoleEditor, "")

		type answers struct {
			Top    []knowledge.PersonFilm
			Total  int
			Collab []store.Collaborator
		}
		read := func() answers {
			t.Helper()
			var a answers
			var err error
			if a.Top, a.Total, err = s.PersonTopFilms(ctx, "ada", knowledge.KnownForFilms); err != nil {
				t.Fatal(err)
			}
			if a.Collab, err = s.Collaborators(ctx, "ada", 3); err != nil {
				t.Fatal(err)
			}
			return a
		}
		live := read()
		res, err := s.RefreshKnowledge(ctx, store.RefreshOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.People != 1 {
			t.Errorf("refresh stored %d prolific people, want 1 (Ada)", res.People)
		}
		stored := read()
		if diff := cmp.Diff(live, stored); diff != "" {
			t.Errorf("stored answers differ from the credits' (-live +stored):\n%s", diff)
		}
		if stored.Total != n || len(stored.Top) != knowledge.KnownForFilms || stored.Top[0].Votes != 100 {
			t.Errorf("top films = %+v of %d, want %d of %d, the most voted (100) first", stored.Top, stored.Total, knowledge.KnownForFilms, n)
		}
		var names []string
		for _, c := range stored.Collab {
			names = append(names, fmt.Sprintf("%s:%d:%d", c.Name, c.Total, len(c.Shared)))
		}
		want := []string{fmt.Sprintf("Bea:%d:%d", (n+1)/2, knowledge.TogetherFilms), fmt.Sprintf("Cal:%d:%d", n/2, knowledge.TogetherFilms), "Dan:3:3"}
		if diff := cmp.Diff(want, names); diff != "" {
			t.Errorf("collaborators (-want +got):\n%s", diff)
		}
		a, ok := knowledge.Together("Ada Prolific", "Bea", "bea", stored.Collab[0].Shared, stored.Collab[0].Total, film.Source{Label: "the catalog"})
		if !ok || !cmp.Equal(len(a.Links), 1+knowledge.TogetherFilms) {
			t.Errorf("together answer %q with %d links", a.Answer, len(a.Links))
		}
	})
}
