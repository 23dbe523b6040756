package store

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// TestAttachArticleAwards files a dossier's awards on both engines: they
// replace the film's previous article awards, and an award on record
// from the awards import is never overwritten by an article.
func TestAttachArticleAwards(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		d := &film.Dossier{Sections: []film.Section{{Kind: film.SectionIntroduction, Heading: "Introduction", Text: "x", Subsections: []film.Subsection{}}}}
		src := "article:starlet-2012"
		award := func(ceremony, category string, o film.Outcome) film.Award {
			return film.Award{Ceremony: ceremony, Year: 2012, Category: category, Outcome: o, FilmSlug: "starlet-2012", Source: src, SourceRef: "a.md"}
		}
		added := 0
		a := Attachment{Film: &film.Film{Slug: "starlet-2012", Title: "Starlet", Year: 2012}, Dossier: d, AwardsAdded: &added,
			Awards: []film.Award{award("Independent Spirit Awards", "Robert Altman Award", film.OutcomeWon),
				award("Locarno Festival", "Special Jury Prize", film.OutcomeNominated)}}
		if _, _, err := s.AttachDossier(ctx, a); err != nil || added != 2 {
			t.Fatalf("AttachDossier = %v, %d added; want 2", err, added)
		}
		if _, err := s.PutAwards(ctx, []film.Award{{Ceremony: "Locarno Festival", Year: 2012, Category: "Special Jury Prize",
			Outcome: film.OutcomeWon, FilmSlug: "starlet-2012", Source: "import", SourceRef: "awards.csv"}}); err != nil {
			t.Fatal(err)
		}
		// The next revision of the article states only the Locarno prize
		// (as a nomination): the Altman award goes, the imported Locarno
		// record stays as imported.
		a.Awards = []film.Award{award("Locarno Festival", "Special Jury Prize", film.OutcomeNominated)}
		if _, _, err := s.AttachDossier(ctx, a); err != nil || added != 0 {
			t.Fatalf("re-attach = %v, %d added; want 0", err, added)
		}
		as, err := s.FilmAwards(ctx, "starlet-2012")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range as {
			got = append(got, w.Ceremony+"/"+w.Category+"/"+string(w.Outcome)+"/"+w.Source+"/"+w.SourceRef)
		}
		want := []string{"Locarno Festival/Special Jury Prize/won/import/awards.csv"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("awards (-want +got):\n%s", diff)
		}
	})
}
