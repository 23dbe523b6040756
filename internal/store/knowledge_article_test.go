package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// TestArticleFactsThroughKnowledge calls the knowledge entry points the
// way an article import does (awards with source "article:<film slug>",
// claims with source "article" and the film as reference): a new award
// lands with the article as its source; one the awards import already
// holds with another outcome is kept, and the film's answer shows both
// with both sources; the article's budget lands with its source.
func TestArticleFactsThroughKnowledge(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const src = "article:red-rocket-2021"
		res, err := s.PutAwards(ctx, []film.Award{
			{Ceremony: "Gotham Awards", Year: 2021, Category: "Breakthrough Performer", Outcome: film.OutcomeNominated,
				FilmSlug: "red-rocket-2021", PersonSlug: "suzanna-son", Source: src},
			{Ceremony: "Independent Spirit Awards", Year: 2022, Category: "Best Male Lead", Outcome: film.OutcomeNominated,
				FilmSlug: "red-rocket-2021", PersonSlug: "simon-rex", Source: src},
		})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(store.AwardsResult{Added: 1, Disputed: 1}, res); diff != "" {
			t.Errorf("PutAwards (-want +got):\n%s", diff)
		}
		if err := s.PutClaims(ctx, "red-rocket-2021", []film.Claim{{Field: "budget", Value: "1500000", Source: "article", SourceRef: "red-rocket-2021"}}); err != nil {
			t.Fatal(err)
		}
		awards, err := s.FilmAwards(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range awards {
			got[a.Category] = string(a.Outcome) + " by " + a.Source
		}
		want := map[string]string{"Breakthrough Performer": "nominated by " + src, "Best Male Lead": "won by import"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("award %s = %q, want %q (the import's record kept)", k, got[k], v)
			}
		}
		if _, err := s.RefreshKnowledge(ctx, store.RefreshOptions{Films: []string{"red-rocket-2021"}}); err != nil {
			t.Fatal(err)
		}
		k, err := s.FilmKnowledge(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		answer := func(prefix string) film.Answer {
			t.Helper()
			for _, a := range k.Answers {
				if strings.HasPrefix(a.Question, prefix) {
					return a
				}
			}
			t.Fatalf("no answer %q…", prefix)
			return film.Answer{}
		}
		hon := answer("What awards")
		for _, w := range []string{"Simon Rex won Best Male Lead at the Independent Spirit Awards 2022 (so says the demo catalog awards import; the dossier says nominated)",
			"Suzanna Son was nominated for Breakthrough Performer at the Gotham Awards 2021"} {
			if !strings.Contains(hon.Answer, w) {
				t.Errorf("awards answer %q lacks %q", hon.Answer, w)
			}
		}
		if !hasSource(hon.Sources, "/films/red-rocket-2021#dossier") {
			t.Errorf("awards answer sources %v do not link the article", hon.Sources)
		}
		box := answer("How did Red Rocket do at the box office")
		// The demo has no box-office import for Red Rocket: the article's
		// budget stands alone, linked to it (Anora's disagreeing budgets
		// are in TestKnowledgeNoFactsAndContradictions).
		if !strings.Contains(box.Answer, "$1.5 million") || !hasSource(box.Sources, "/films/red-rocket-2021#box-office") {
			t.Errorf("box-office answer %q (sources %v) does not give the article's budget with its source", box.Answer, box.Sources)
		}
	})
}

func hasSource(ss []film.Source, url string) bool {
	for _, s := range ss {
		if s.URL == url {
			return true
		}
	}
	return false
}
