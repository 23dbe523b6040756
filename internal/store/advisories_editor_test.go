package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// An editor's grades land with the source "editor", leave the categories
// not posted alone, and change another source's grade only when asked.
func TestPutEditorAdvisories(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const slug = "untitled-2021"
		if err := s.PutFilm(ctx, &film.Film{Slug: slug, Title: "Untitled", Year: 2021}); err != nil {
			t.Fatal(err)
		}
		imported := []film.Advisory{
			{Category: film.AdvisorySex, Severity: film.SeveritySevere, Source: "import"},
			{Category: film.AdvisoryProfanity, Severity: film.SeverityModerate, Source: "import"},
		}
		if err := s.SetAdvisories(ctx, slug, imported); err != nil {
			t.Fatal(err)
		}
		get := func() []film.Advisory {
			t.Helper()
			as, err := s.Advisories(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			return as
		}

		// A different grade over the import's, without replace: refused, naming
		// the category, and the new category posted with it does not land either.
		_, err := s.PutEditorAdvisories(ctx, slug, []film.Advisory{
			{Category: film.AdvisoryViolence, Severity: film.SeverityMild},
			{Category: film.AdvisoryProfanity, Severity: film.SeverityMild},
		}, nil)
		var ve *film.ValidationError
		if !errors.As(err, &ve) || ve.Field != "severity_profanity" {
			t.Fatalf("err = %v, want a ValidationError on severity_profanity", err)
		}
		if diff := cmp.Diff(imported, get()); diff != "" {
			t.Errorf("refused write changed the advisories (-want +got):\n%s", diff)
		}

		// The same grade as the import's needs no replace; replace changes one.
		replaced, err := s.PutEditorAdvisories(ctx, slug, []film.Advisory{
			{Category: film.AdvisoryViolence, Severity: film.SeverityMild, Note: "a fist fight"},
			{Category: film.AdvisoryProfanity, Severity: film.SeverityMild},
			{Category: film.AdvisorySex, Severity: film.SeveritySevere},
		}, map[film.AdvisoryCategory]bool{film.AdvisoryProfanity: true})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]film.AdvisoryCategory{film.AdvisoryProfanity}, replaced); diff != "" {
			t.Errorf("replaced (-want +got):\n%s", diff)
		}
		want := []film.Advisory{
			{Category: film.AdvisorySex, Severity: film.SeveritySevere, Source: "editor"},
			{Category: film.AdvisoryViolence, Severity: film.SeverityMild, Note: "a fist fight", Source: "editor"},
			{Category: film.AdvisoryProfanity, Severity: film.SeverityMild, Source: "editor"},
		}
		if diff := cmp.Diff(want, get()); diff != "" {
			t.Errorf("advisories (-want +got):\n%s", diff)
		}

		// An editor's own grade is rewritten without replace.
		if _, err := s.PutEditorAdvisories(ctx, slug, []film.Advisory{{Category: film.AdvisoryViolence, Severity: film.SeveritySevere}}, nil); err != nil {
			t.Fatal(err)
		}
		want[1] = film.Advisory{Category: film.AdvisoryViolence, Severity: film.SeveritySevere, Source: "editor"}
		if diff := cmp.Diff(want, get()); diff != "" {
			t.Errorf("after rewriting the editor's grade (-want +got):\n%s", diff)
		}

		// An unknown category or severity is refused; an unknown film too.
		if _, err := s.PutEditorAdvisories(ctx, slug, []film.Advisory{{Category: "gore", Severity: film.SeverityMild}}, nil); !errors.As(err, &ve) {
			t.Errorf("unknown category: err = %v", err)
		}
		if _, err := s.PutEditorAdvisories(ctx, slug, []film.Advisory{{Category: film.AdvisorySex, Severity: "extreme"}}, nil); !errors.As(err, &ve) {
			t.Errorf("unknown severity: err = %v", err)
		}
		if _, err := s.PutEditorAdvisories(ctx, "no-such-film", []film.Advisory{{Category: film.AdvisorySex, Severity: film.SeverityMild}}, nil); err == nil {
			t.Error("unknown film: no error")
		}
		if diff := cmp.Diff(want, get()); diff != "" {
			t.Errorf("refused writes changed the advisories (-want +got):\n%s", diff)
		}
	})
}
