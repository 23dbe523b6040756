package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// fill writes a small catalog touching most tables.
func fill(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	f := sampleFilm()
	if err := s.PutFilm(ctx, f); err != nil {
		t.Fatal(err)
	}
	p := &film.Person{Slug: "simon-rex", Name: "Simon Rex", Professions: []string{"actor"}}
	if err := s.PutPerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := s.PutCredit(ctx, film.Credit{FilmSlug: f.Slug, PersonSlug: p.Slug, Role: film.RoleCast, Character: "Mikey", Billing: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutCharacter(ctx, film.Character{FilmSlug: f.Slug, Name: "Mikey Saber", PlayedBySlug: p.Slug}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFestivals(ctx, f.Slug, []film.Festival{{Name: "Cannes", Year: 2021, Award: "Palme d'Or", Won: true}}); err != nil {
		t.Fatal(err)
	}
	d := &film.Dossier{FAQ: []film.FAQ{{Question: "Why fireworks?", Answer: "Ça dépend — “quotes” and émoji 🎆."}}}
	if _, err := s.PutDossier(ctx, f.Slug, d, "test"); err != nil {
		t.Fatal(err)
	}
}

func TestTransferRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, err := Open(ctx, filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src)
	want := checksums(t, src)

	// SQLite → (PostgreSQL when configured) → SQLite.
	mid := src
	if dsn := testPostgresDSN(t); dsn != "" {
		mid = openTestPostgres(t, dsn)
		if _, err := Transfer(ctx, src, mid, nil); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, checksums(t, mid)); diff != "" {
			t.Errorf("PostgreSQL copy (-sqlite +postgres):\n%s", diff)
		}
		// Identity sequences continue after the copied ids.
		if err := mid.PutFilm(ctx, &film.Film{Slug: "new-2030", Title: "New", Year: 2030}); err != nil {
			t.Errorf("insert after transfer: %v", err)
		}
		if err := mid.DeleteFilm(ctx, "new-2030"); err != nil {
			t.Fatal(err)
		}
	}
	back, err := Open(ctx, filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	reports, err := Transfer(ctx, mid, back, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, checksums(t, back)); diff != "" {
		t.Errorf("round trip (-before +after):\n%s", diff)
	}
	if len(reports) < 10 || reports[0].Table != "films" && reports[0].Table != "people" && reports[0].Table != "themes" && reports[0].Table != "users" && reports[0].Table != "audit_log" {
		t.Errorf("reports = %+v; want every table, referenced tables first", reports)
	}
	if _, err := Transfer(ctx, src, back, nil); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("transfer into a non-empty store: %v", err)
	}
}
