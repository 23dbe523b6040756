package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// openDemo opens a fresh store on each engine with the demo catalog loaded
// (which ends with a knowledge refresh).
func openDemo(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := demo.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		fn(t, s)
	})
}

func TestKnowledgeRedRocket(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		k, err := s.FilmKnowledge(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		if len(k.Answers) == 0 {
			t.Fatal("no generated answers for Red Rocket")
		}
		a := k.Answers[0]
		if a.Question != "Is Red Rocket suitable for all audiences?" || !a.Generated {
			t.Fatalf("first answer = %q (generated %v)", a.Question, a.Generated)
		}
		for _, want := range []string{"No.", "R certification", "content advisory"} {
			if !strings.Contains(a.Answer, want) {
				t.Errorf("suitability answer %q lacks %q", a.Answer, want)
			}
		}
		var urls []string
		for _, src := range a.Sources {
			urls = append(urls, src.URL)
		}
		want := []string{"/films/red-rocket-2021#facts-h", "/films/red-rocket-2021#advisory", "/films/red-rocket-2021#controversies-and-debates"}
		if diff := cmp.Diff(want, urls); diff != "" {
			t.Errorf("suitability sources (-want +got):\n%s", diff)
		}
		cats := map[film.AdvisoryCategory]bool{}
		for _, adv := range k.ArticleAdvisories {
			cats[adv.Category] = true
		}
		if !cats[film.AdvisorySex] || !cats[film.AdvisorySubstances] {
			t.Errorf("article advisories = %v, want sex and substances from the controversies section", k.ArticleAdvisories)
		}

		themes, err := s.FilmThemeStrengths(ctx, "red-rocket-2021")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]float64{}
		for _, th := range themes {
			got[th.Slug] = th.Strength
		}
		for _, slug := range []string{"american-dream", "redemption"} {
			if got[slug] < 0.9 {
				t.Errorf("theme %s strength %v, want ≥ 0.9 (catalog and dossier agree)", slug, got[slug])
			}
			films, _, err := s.ThemeFilms(ctx, slug, 20, 0)
			if err != nil {
				t.Fatal(err)
			}
			other := false
			for _, f := range films {
				other = other || f.Slug != "red-rocket-2021" && f.Director == "Sean Baker"
			}
			if !other {
				t.Errorf("theme %s lists no other Sean Baker film: %v", slug, films)
			}
		}
		if _, ok := got["identity"]; !ok {
			t.Errorf("theme named only in the dossier (identity) not derived: %v", got)
		}
	})
}

// TestKnowledgeNoFacts: a film with nothing known gets no answers, and
// contradictory budgets are both shown with their sources.
func TestKnowledgeNoFactsAndContradictions(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		bare := &film.Film{Slug: "untitled-2020", Title: "Untitled", Year: 2020}
		if err := s.PutFilm(ctx, bare); err != nil {
			t.Fatal(err)
		}
		if err := s.PutClaims(ctx, "anora-2024", []film.Claim{{Field: "budget", Value: "5000000", Source: "article", SourceRef: "anora-2024"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RefreshKnowledge(ctx, store.RefreshOptions{Films: []string{"untitled-2020", "anora-2024"}}); err != nil {
			t.Fatal(err)
		}
		k, err := s.FilmKnowledge(ctx, "untitled-2020")
		if err != nil {
			t.Fatal(err)
		}
		if len(k.Answers) != 0 {
			t.Errorf("film without facts got answers: %+v", k.Answers)
		}
		k, err = s.FilmKnowledge(ctx, "anora-2024")
		if err != nil {
			t.Fatal(err)
		}
		var box *film.Answer
		for i := range k.Answers {
			if strings.Contains(k.Answers[i].Question, "box office") {
				box = &k.Answers[i]
			}
		}
		if box == nil {
			t.Fatal("no box-office answer for Anora")
		}
		for _, want := range []string{"Sources disagree", "$6 million", "$5 million"} {
			if !strings.Contains(box.Answer, want) {
				t.Errorf("box-office answer %q lacks %q", box.Answer, want)
			}
		}
		if len(box.Sources) < 2 {
			t.Errorf("box-office answer names %d sources, want both", len(box.Sources))
		}
	})
}

func TestThemeEdits(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		refused := func(err error, what string) {
			t.Helper()
			if !errors.Is(err, store.ErrThemeEdit) {
				t.Errorf("%s: err = %v, want a refusal", what, err)
			}
		}
		refused(s.MergeTheme(ctx, "sex-work", "sex-work"), "merge into itself")
		if err := s.MergeTheme(ctx, "friendship", "unlikely-friendship"); err != nil {
			t.Fatal(err)
		}
		refused(s.MergeTheme(ctx, "unlikely-friendship", "friendship"), "merge back through the redirect (a cycle)")
		if to, err := s.ThemeRedirect(ctx, "friendship"); err != nil || to != "unlikely-friendship" {
			t.Errorf("redirect friendship = %q, %v", to, err)
		}
		films, _, err := s.ThemeFilms(ctx, "unlikely-friendship", 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, f := range films {
			slugs = append(slugs, f.Slug)
		}
		if diff := cmp.Diff([]string{"starlet-2012", "tangerine-2015"}, sortedCopy(slugs)); diff != "" {
			t.Errorf("merged theme's films (-want +got):\n%s", diff)
		}
		// Tagging a film with another spelling lands on the same theme.
		f, err := s.GetFilm(ctx, "take-out-2004")
		if err != nil {
			t.Fatal(err)
		}
		f.Themes = append(f.Themes, film.Theme{Name: "the American dreams", Kind: film.KindTheme})
		if err := s.PutFilm(ctx, f); err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.ThemeFilms(ctx, "american-dream", 10, 0); total != 3 {
			t.Errorf("american-dream has %d films after tagging Take Out with another spelling, want 3", total)
		}

		_, err = s.SplitTheme(ctx, "sex-work", "Street work", nil)
		refused(err, "split with no films")
		_, err = s.SplitTheme(ctx, "redemption", "Atonement story", []string{"red-rocket-2021", "starlet-2012"})
		refused(err, "split moving every film")
		_, err = s.SplitTheme(ctx, "redemption", "Class", []string{"starlet-2012"})
		refused(err, "split onto a name another theme has")
		slug, err := s.SplitTheme(ctx, "sex-work", "Street hustling", []string{"tangerine-2015"})
		if err != nil {
			t.Fatal(err)
		}
		if _, total, _ := s.ThemeFilms(ctx, slug, 10, 0); total != 1 {
			t.Errorf("split theme %s has %d films, want 1", slug, total)
		}
		refused(s.RenameTheme(ctx, "redemption", "Sex workers"), "rename onto another theme's spelling")
		refused(s.RenameTheme(ctx, "redemption", "  "), "rename to nothing")
		if err := s.RenameTheme(ctx, "redemption", "Redemption and atonement"); err != nil {
			t.Fatal(err)
		}
		if th, err := s.GetTheme(ctx, "redemption"); err != nil || th.Name != "Redemption and atonement" {
			t.Errorf("renamed theme = %+v, %v", th, err)
		}
		if err := s.MergeTheme(ctx, "no-such-theme", "redemption"); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("merge of a missing theme: %v, want not found", err)
		}
	})
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
