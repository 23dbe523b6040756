package store

import (
	"context"
	"errors"
	"testing"

	"marquee/internal/film"
)

func TestAttachDossier(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := &film.Dossier{Sections: []film.Section{{Kind: film.SectionIntroduction, Heading: "Introduction", Text: "x", Subsections: []film.Subsection{}}}}
		a := Attachment{
			Film:    &film.Film{Slug: "starlet-2012", Title: "Starlet", Year: 2012},
			People:  []film.Person{{Slug: "sean-baker", Name: "Sean Baker"}},
			Credits: []film.Credit{{FilmSlug: "starlet-2012", PersonSlug: "sean-baker", Role: film.RoleDirector}},
			Dossier: d,
		}
		rev, created, err := s.AttachDossier(ctx, a)
		if err != nil || rev != 1 || !created {
			t.Fatalf("AttachDossier = %d, %v, %v", rev, created, err)
		}
		if dirs, _ := s.Directors(ctx, "starlet-2012"); len(dirs) != 1 || dirs[0] != "Sean Baker" {
			t.Errorf("directors = %v", dirs)
		}
		rev, created, err = s.AttachDossier(ctx, a)
		if err != nil || rev != 2 || created {
			t.Fatalf("re-attach = %d, %v, %v; want revision 2 on the existing film", rev, created, err)
		}

		// A credit naming a missing person fails the whole attachment:
		// neither the new film nor its dossier may be stored.
		bad := Attachment{
			Film:    &film.Film{Slug: "anora-2024", Title: "Anora", Year: 2024},
			Credits: []film.Credit{{FilmSlug: "anora-2024", PersonSlug: "nobody", Role: film.RoleDirector}},
			Dossier: d,
		}
		if _, _, err := s.AttachDossier(ctx, bad); !errors.Is(err, film.ErrMissingRef) {
			t.Fatalf("bad attachment error = %v, want ErrMissingRef", err)
		}
		if _, err := s.GetFilm(ctx, "anora-2024"); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("film of a failed attachment was stored: %v", err)
		}
	})
}
