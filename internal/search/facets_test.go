package search

import (
	"context"
	"strconv"
	"testing"

	"marquee/internal/film"
)

// A film facet counts films, not hits: a film matched by its title and by
// dossier passages counts once. Each count equals the films left among the
// hits once that value is chosen; the kind facet still counts hits.
func TestFacetsCountFilms(t *testing.T) { engines(t, testFacetsCountFilms) }

func testFacetsCountFilms(t *testing.T, e *Engine) {
	ctx := context.Background()
	twice := false
	for _, text := range []string{"red", "rocket", "tangerine", "moonee"} {
		res, err := e.Search(ctx, Query{Text: text, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		films, hits := filmsOf(res.Results)
		if res.Films != len(films) {
			t.Errorf("%s: Films = %d, want %d distinct films among %d hits", text, res.Films, len(films), len(res.Results))
		}
		twice = twice || hits > len(films)
		kinds := 0
		for _, c := range res.Facets[FacetKind] {
			kinds += c.Count
		}
		if kinds != res.Total {
			t.Errorf("%s: kind counts sum to %d, want the %d hits", text, kinds, res.Total)
		}
		for _, facet := range []string{FacetGenre, FacetDecade, FacetCertification, FacetDirector, FacetTheme} {
			for _, c := range res.Facets[facet] {
				f := film.Filter{}
				switch facet {
				case FacetGenre:
					f.Genre = c.Value
				case FacetDecade:
					f.Decade, _ = strconv.Atoi(c.Value)
				case FacetCertification:
					f.Certification = c.Value
				case FacetDirector:
					f.Director = c.Value
				case FacetTheme:
					f.Theme = c.Value
				}
				got, err := e.Search(ctx, Query{Text: text, Filter: f, Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				if films, _ := filmsOf(got.Results); len(films) != c.Count {
					t.Errorf("%s: facet %s=%s counts %d, but choosing it leaves %d films", text, facet, c.Value, c.Count, len(films))
				}
			}
		}
	}
	if !twice {
		t.Error("no search matched a film twice; the test needs one that does")
	}
}

// filmsOf returns the distinct films of the hits and how many hits have one.
func filmsOf(rs []Result) (map[string]bool, int) {
	films, hits := map[string]bool{}, 0
	for _, r := range rs {
		slug := r.FilmSlug
		if r.Kind == KindFilm {
			slug = r.Slug
		}
		if slug != "" {
			films[slug] = true
			hits++
		}
	}
	return films, hits
}
