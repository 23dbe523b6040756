package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// TestKnowledgeStoredCompact: the refresh stores what needs the whole
// catalog (the director's other films and what they share, the dossier's
// sections and advisories), not the answers' words; the words are written
// at read time from it and the film's own facts, and follow a fact edited
// since. A film with nothing to store gets no row.
func TestKnowledgeStoredCompact(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.PutFilm(ctx, &film.Film{Slug: "untitled-2020", Title: "Untitled", Year: 2020}); err != nil {
			t.Fatal(err)
		}
		res, err := s.RefreshKnowledge(ctx, store.RefreshOptions{})
		if err != nil {
			t.Fatal(err)
		}
		bodies := map[string]string{}
		rows, err := s.DB().QueryContext(ctx, "SELECT f.slug, k.body FROM film_knowledge k JOIN films f ON f.id = k.film_id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var slug, body string
			if err := rows.Scan(&slug, &body); err != nil {
				t.Fatal(err)
			}
			bodies[slug] = body
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if res.Stored != len(bodies) || res.Films != len(bodies)+countMissing(bodies, "untitled-2020", "take-out-2004") {
			t.Errorf("refresh counted %+v; %d rows landed", res, len(bodies))
		}
		if _, ok := bodies["untitled-2020"]; ok {
			t.Errorf("a film with no facts got a stored row: %s", bodies["untitled-2020"])
		}
		rr := bodies["red-rocket-2021"]
		if rr == "" || strings.Contains(rr, "suitable") || strings.Contains(rr, "Sean Baker") {
			t.Errorf("Red Rocket's stored row holds words, not facts: %s", rr)
		}

		compare := func() string {
			t.Helper()
			k, err := s.FilmKnowledge(ctx, "red-rocket-2021")
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range k.Answers {
				if strings.HasPrefix(a.Question, "How does Red Rocket compare") {
					var links []string
					for _, l := range a.Links {
						links = append(links, l.URL)
					}
					if diff := cmp.Diff([]string{"/people/sean-baker", "/films/starlet-2012", "/films/anora-2024", "/films/tangerine-2015"}, links); diff != "" {
						t.Errorf("comparison links (-want +got):\n%s", diff)
					}
					return a.Answer
				}
			}
			t.Fatal("Red Rocket has no comparison with Sean Baker's other films")
			return ""
		}
		if got := compare(); !strings.Contains(got, "Anora (2024) shares the themes American Dream and Sex work") {
			t.Errorf("comparison = %q", got)
		}
		anora, err := s.GetFilm(ctx, "anora-2024")
		if err != nil {
			t.Fatal(err)
		}
		anora.Title = "Anora (director's cut)"
		if err := s.PutFilm(ctx, anora); err != nil {
			t.Fatal(err)
		}
		if got := compare(); !strings.Contains(got, "Anora (director's cut) (2024) shares") {
			t.Errorf("comparison after a retitle = %q, want the new title without a refresh", got)
		}
	})
}

// countMissing counts the slugs that have no row.
func countMissing(bodies map[string]string, slugs ...string) int {
	n := 0
	for _, s := range slugs {
		if _, ok := bodies[s]; !ok {
			n++
		}
	}
	return n
}
