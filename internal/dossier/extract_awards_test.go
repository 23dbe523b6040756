package dossier

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

func TestArticleAwards(t *testing.T) {
	d := &film.Dossier{Source: "a.md", Facts: []film.ArticleFact{
		{Kind: film.FactAwardWon, Value: "Best Sound Editing", Context: "Among its accolades, it won Best Sound Editing at the 85th Academy Awards and Outstanding British Film."},
		{Kind: film.FactAwardNominated, Value: "Academy Award for Best Visual Effects", Context: "The film received an Academy Award nomination for Best Visual Effects."},
		{Kind: film.FactAwardWon, Value: "Palme d'Or", Context: "It won the Palme d'Or at the 2019 Cannes Film Festival."},
		{Kind: film.FactAwardWon, Value: "Golden Lion", Context: "It won the Golden Lion."},
		{Kind: film.FactRuntime, Value: "132 minutes"},
	}}
	got, skipped := ArticleAwards(d, "x-2019")
	src := "article:x-2019"
	want := []film.Award{
		{Ceremony: "Academy Awards", Category: "Best Sound Editing", Outcome: film.OutcomeWon, FilmSlug: "x-2019", Source: src, SourceRef: "a.md"},
		{Ceremony: "Academy Awards", Category: "Best Visual Effects", Outcome: film.OutcomeNominated, FilmSlug: "x-2019", Source: src, SourceRef: "a.md"},
		{Ceremony: "Cannes Film Festival", Year: 2019, Category: "Palme d'Or", Outcome: film.OutcomeWon, FilmSlug: "x-2019", Source: src, SourceRef: "a.md"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("awards (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Golden Lion"}, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}
