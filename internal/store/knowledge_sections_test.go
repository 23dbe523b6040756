package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// TestReadMoreFollowsNewDossier: "where to read more" lists the sections
// of the dossier the film has now. A dossier that replaces the old one
// after the last knowledge refresh takes its headings with it; none of
// the old headings is left in the answer or its links.
func TestReadMoreFollowsNewDossier(t *testing.T) {
	openDemo(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const slug = "red-rocket-2021"
		put := func(headings ...string) {
			t.Helper()
			d := &film.Dossier{Title: "Red Rocket"}
			for _, h := range headings {
				d.Sections = append(d.Sections, film.Section{Kind: film.SectionOther, Heading: h, Text: h + " text.", Subsections: []film.Subsection{}})
			}
			if _, err := s.PutDossier(ctx, slug, d, "test"); err != nil {
				t.Fatal(err)
			}
		}
		readMore := func() (string, []string) {
			t.Helper()
			k, err := s.FilmKnowledge(ctx, slug)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range k.Answers {
				if strings.HasPrefix(a.Question, "Where can I read more") {
					var labels []string
					for _, l := range a.Links {
						labels = append(labels, l.Label+" "+l.URL)
					}
					return a.Answer, labels
				}
			}
			return "", nil
		}
		put("Old Origins", "Old Reception")
		if _, err := s.RefreshKnowledge(ctx, store.RefreshOptions{Films: []string{slug}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := readMore(); !strings.Contains(got, "Old Origins") {
			t.Fatalf("read more before the new dossier = %q, want the old headings", got)
		}
		put("New Making Of")
		got, links := readMore()
		if strings.Contains(got, "Old") || !strings.Contains(got, "New Making Of") {
			t.Errorf("read more after a new dossier = %q, want only its heading", got)
		}
		if diff := cmp.Diff([]string{"New Making Of /films/red-rocket-2021#new-making-of"}, links); diff != "" {
			t.Errorf("read more links (-want +got):\n%s", diff)
		}
	})
}
