package store

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

func TestGetFilmRecord(t *testing.T) { engines(t, testGetFilmRecord) }

func testGetFilmRecord(t *testing.T, s *Store) {
	ctx := context.Background()
	if err := s.PutFilm(ctx, &film.Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, Genres: []string{"Comedy", "Drama"}}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []film.Person{{Slug: "sean-baker", Name: "Sean Baker"}, {Slug: "simon-rex", Name: "Simon Rex"}} {
		if err := s.PutPerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []film.Credit{
		{FilmSlug: "red-rocket-2021", PersonSlug: "simon-rex", Role: film.RoleCast, Character: "Mikey Saber", Billing: 1},
		{FilmSlug: "red-rocket-2021", PersonSlug: "sean-baker", Role: film.RoleDirector, Billing: 1},
	} {
		if err := s.PutCredit(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutCharacter(ctx, film.Character{FilmSlug: "red-rocket-2021", Name: "Mikey Saber", PlayedBySlug: "simon-rex"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFestivals(ctx, "red-rocket-2021", []film.Festival{{Name: "Cannes Film Festival", Year: 2021}}); err != nil {
		t.Fatal(err)
	}
	d := &film.Dossier{Title: "Red Rocket", Sections: []film.Section{{Kind: film.SectionPlot, Heading: "Plot", Text: "Mikey comes home."}}}
	rev, err := s.PutDossier(ctx, "red-rocket-2021", d, "test")
	if err != nil {
		t.Fatal(err)
	}

	var asked []int
	rec, err := s.GetFilmRecord(ctx, "red-rocket-2021", FilmRecordOptions{Facts: true, Ratings: true,
		Dossier: func(r int, _ int64) bool { asked = append(asked, r); return false }})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Comedy", "Drama"}, rec.Film.Genres); diff != "" {
		t.Errorf("genres (-want +got):\n%s", diff)
	}
	var roles []film.Role
	for _, c := range rec.Credits {
		roles = append(roles, c.Role)
	}
	if diff := cmp.Diff([]film.Role{film.RoleDirector, film.RoleCast}, roles); diff != "" {
		t.Errorf("credit roles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Sean Baker"}, rec.Directors()); diff != "" {
		t.Errorf("directors (-want +got):\n%s", diff)
	}
	if len(rec.Characters) != 1 || rec.Characters[0].Slug != "mikey-saber" {
		t.Errorf("characters = %+v", rec.Characters)
	}
	if len(rec.Festivals) != 1 || rec.BoxOffice != nil {
		t.Errorf("festivals = %+v, box office = %+v", rec.Festivals, rec.BoxOffice)
	}
	if diff := cmp.Diff([]int{rev}, asked); diff != "" || rec.DossierRevision != rev || rec.Dossier != nil {
		t.Errorf("dossier asked for revisions %v (want [%d]), record revision %d, body %v", asked, rev, rec.DossierRevision, rec.Dossier != nil)
	}

	rec, err = s.GetFilmRecord(ctx, "red-rocket-2021", FilmRecordOptions{Dossier: func(int, int64) bool { return true }})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Dossier == nil || rec.Dossier.Sections[0].Text != "Mikey comes home." || rec.Festivals != nil {
		t.Errorf("with body, no facts: dossier %+v, festivals %+v", rec.Dossier, rec.Festivals)
	}

	if _, err := s.GetFilmRecord(ctx, "nope-1999", FilmRecordOptions{}); !errors.Is(err, film.ErrNotFound) {
		t.Errorf("missing film: err = %v, want ErrNotFound", err)
	}
}
