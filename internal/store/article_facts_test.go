package store

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// TestArticleFacts checks that a dossier's facts are stored with the
// article as source, replaced by the next revision, and leave the
// catalog's own facts alone.
func TestArticleFacts(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := sampleFilm()
		if err := s.PutFilm(ctx, f); err != nil {
			t.Fatal(err)
		}
		d := &film.Dossier{
			Source:   "red-rocket.md",
			Sections: []film.Section{{Kind: film.SectionReview, Text: "It cost $1.5 million.", Subsections: []film.Subsection{}}},
			Facts: []film.ArticleFact{
				{Kind: film.FactBudget, Value: "$1.5 million", Amount: 1_500_000, Currency: "USD", Line: 3, Context: "It cost $1.5 million."},
				{Kind: film.FactFestival, Value: "Cannes Film Festival", Line: 5},
			},
		}
		if _, err := s.PutDossier(ctx, f.Slug, d, "test"); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleFacts(ctx, f.Slug)
		if err != nil {
			t.Fatal(err)
		}
		want := []ArticleFact{
			{ArticleFact: d.Facts[0], FilmSlug: f.Slug, Source: "red-rocket.md", Revision: 1},
			{ArticleFact: d.Facts[1], FilmSlug: f.Slug, Source: "red-rocket.md", Revision: 1},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ArticleFacts (-want +got):\n%s", diff)
		}
		d.Facts = d.Facts[1:]
		if _, err := s.PutDossier(ctx, f.Slug, d, "test"); err != nil {
			t.Fatal(err)
		}
		fest, err := s.ArticleFactsOfKind(ctx, film.FactFestival, 10)
		if err != nil || len(fest) != 1 || fest[0].Revision != 2 || fest[0].Value != "Cannes Film Festival" {
			t.Errorf("ArticleFactsOfKind = %+v, %v; want the festival of revision 2", fest, err)
		}
		if got, _ := s.ArticleFacts(ctx, f.Slug); len(got) != 1 {
			t.Errorf("after revision 2: %d facts, want 1", len(got))
		}
		g, err := s.GetFilm(ctx, f.Slug)
		if err != nil || g.RuntimeMin != f.RuntimeMin {
			t.Errorf("catalog film after article facts = %+v, %v", g, err)
		}
	})
}
