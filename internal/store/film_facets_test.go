package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// facetCatalog writes twelve films: years 1990–2001, genres Drama on all
// and Comedy on the odd years, a country pair on the 1990s, two directors.
func facetCatalog(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, p := range []string{"ann-lee", "bo-park"} {
		if err := s.PutPerson(ctx, &film.Person{Slug: p, Name: map[string]string{"ann-lee": "Ann Lee", "bo-park": "Bo Park"}[p]}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 12 {
		y := 1990 + i
		f := &film.Film{Slug: fmt.Sprintf("f-%d", y), Title: fmt.Sprintf("F %d", y), Year: y, Genres: []string{"Drama"},
			Rating: film.Rating{Average: float64(i%10) + 0.5, Votes: int64(100 * (i + 1))}}
		if y%2 == 1 {
			f.Genres = append(f.Genres, "Comedy")
			f.Certification = "R"
		}
		if y < 2000 {
			f.Countries = []string{"France", "Italy"}
		}
		if err := s.PutFilm(ctx, f); err != nil {
			t.Fatal(err)
		}
		dir := "ann-lee"
		if i%3 == 0 {
			dir = "bo-park"
		}
		if err := s.PutCredit(ctx, film.Credit{FilmSlug: f.Slug, PersonSlug: dir, Role: film.RoleDirector, Billing: 1}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFilmFacets(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		facetCatalog(t, s)
		for _, tc := range []struct {
			name   string
			filter film.Filter
			want   map[string][]FacetValue
		}{
			{"none", film.Filter{}, map[string][]FacetValue{
				FacetGenre:         {{"Drama", "Drama", 12}, {"Comedy", "Comedy", 6}},
				FacetDecade:        {{"1990", "1990s", 10}, {"2000", "2000s", 2}},
				FacetCountry:       {{"France", "France", 10}, {"Italy", "Italy", 10}},
				FacetCertification: {{"R", "R", 6}},
				FacetTheme:         {},
				FacetDirector:      {{"ann-lee", "Ann Lee", 8}, {"bo-park", "Bo Park", 4}},
			}},
			// A chosen value sets its own dimension aside: the genre facet
			// still offers Drama beside Comedy; the others count comedies
			// of the 2000s.
			{"comedy of the 2000s", film.Filter{Genre: "Comedy", Decade: 2000}, map[string][]FacetValue{
				FacetGenre:         {{"Drama", "Drama", 2}, {"Comedy", "Comedy", 1}},
				FacetDecade:        {{"1990", "1990s", 5}, {"2000", "2000s", 1}},
				FacetCountry:       {},
				FacetCertification: {{"R", "R", 1}},
				FacetTheme:         {},
				FacetDirector:      {{"ann-lee", "Ann Lee", 1}},
			}},
			{"bo park", film.Filter{Director: "bo-park"}, map[string][]FacetValue{
				FacetGenre:         {{"Drama", "Drama", 4}, {"Comedy", "Comedy", 2}},
				FacetDecade:        {{"1990", "1990s", 4}},
				FacetCountry:       {{"France", "France", 4}, {"Italy", "Italy", 4}},
				FacetCertification: {{"R", "R", 2}},
				FacetTheme:         {},
				FacetDirector:      {{"ann-lee", "Ann Lee", 8}, {"bo-park", "Bo Park", 4}},
			}},
		} {
			total, err := s.CountFilms(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := s.FilmFacets(ctx, tc.filter, total, 10)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]FacetValue{}
			for _, f := range fs {
				if f.Sampled {
					t.Errorf("%s: facet %s sampled on twelve films", tc.name, f.Name)
				}
				got[f.Name] = f.Values
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s: facets (-want +got):\n%s", tc.name, diff)
			}
		}
		// The limit keeps the top values but never drops the chosen one.
		fs, err := s.FilmFacets(ctx, film.Filter{Director: "bo-park"}, 4, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []FacetValue{{"ann-lee", "Ann Lee", 8}, {"bo-park", "Bo Park", 4}}
		if diff := cmp.Diff(want, fs[len(fs)-1].Values); diff != "" {
			t.Errorf("director facet at limit 1 (-want +got):\n%s", diff)
		}
	})
}

func TestListFilmsSorts(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		facetCatalog(t, s)
		for sort, want := range map[string][]string{
			"title": {"f-1990", "f-1991", "f-1992"},
			"year":  {"f-2001", "f-2000", "f-1999"},
			"votes": {"f-2001", "f-2000", "f-1999"},
			// Weighted: 9.5 on 1,000 votes beats 8.5 on 900; 1.5 on 1,200 votes is far below.
			"rating": {"f-1999", "f-1998", "f-1997"},
		} {
			films, total, err := s.ListFilms(ctx, FilmFilter{Sort: sort, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range films {
				got = append(got, f.Slug)
			}
			if diff := cmp.Diff(want, got); diff != "" || total != 12 {
				t.Errorf("sort %s: total %d, films (-want +got):\n%s", sort, total, diff)
			}
		}
		dirs, err := s.FilmDirectors(ctx, []int64{1, 2})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[int64][]Credited{1: {{"bo-park", "Bo Park"}}, 2: {{"ann-lee", "Ann Lee"}}}, dirs); diff != "" {
			t.Errorf("FilmDirectors (-want +got):\n%s", diff)
		}
	})
}
