package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// TestDecadePageMatchesPlainQuery: a decade's page read through the
// per-year merge is the page the plain sorted query gives, film for film,
// for title and year order, with and without other filters, at offsets
// up to the plan's bound, over titles that repeat within and across
// years, differ only in case, and films without a year.
func TestDecadePageMatchesPlainQuery(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		rng := rand.New(rand.NewPCG(18, 29))
		words := []string{"Red", "red", "Rocket", "Anora", "Tangerine", "the", "Zebra", "Élan", "Ant", "10"}
		for i := range 300 {
			f := &film.Film{Slug: fmt.Sprintf("d-%d", i), Title: words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))],
				Year: 1985 + rng.IntN(20), Genres: []string{"Drama"}, Rating: film.Rating{Votes: int64(rng.IntN(50))}}
			if i%3 == 0 {
				f.Genres = []string{"Comedy"}
			}
			if i%17 == 0 {
				f.Year = 0
			}
			if i%5 == 0 {
				f.Countries = []string{"France"}
			}
			if err := s.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		for _, flt := range []film.Filter{{Decade: 1990}, {Decade: 1990, Genre: "Drama"}, {Decade: 2000, Genre: "Comedy", Country: "France"}, {Decade: 1980, Genre: "Western"}} {
			for _, sort := range []string{"", "title", "year"} {
				for _, page := range [][2]int{{0, 5}, {3, 4}, {8, 6}, {0, 50}, {45, 50}, {90, 10}} {
					f := FilmFilter{Filter: flt, Sort: sort, Offset: page[0], Limit: page[1]}
					q, args, ok := decadePage(f, f.Limit)
					if !ok {
						t.Fatalf("%+v: the decade plan does not apply", f)
					}
					got := pageSlugs(t, s, q, args)
					q, args = plainPage(f, f.Limit)
					want := pageSlugs(t, s, q, args)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%+v: decade page (-plain +merged):\n%s", f, diff)
					}
				}
			}
		}
		if _, _, ok := decadePage(FilmFilter{Filter: film.Filter{Decade: 1990}, Offset: decadePageMax}, 50); ok {
			t.Error("a page past decadePageMax uses the per-year merge")
		}
		if _, _, ok := decadePage(FilmFilter{Filter: film.Filter{Decade: 1990}, Sort: "votes"}, 50); ok {
			t.Error("a votes order uses the per-year merge, which reads years in title order")
		}
	})
}

// TestDecadePagePlan: on SQLite each year of a decade page is read from
// films_year_title in order (no sort of the year's films), so a page reads
// at most 10 × (offset+limit) index entries.
func TestDecadePagePlan(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir()+"/plan.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q, args, _ := decadePage(FilmFilter{Filter: film.Filter{Decade: 1990, Genre: "Drama"}}, 50)
	rows, err := s.read.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	text := strings.Join(plan, "\n")
	if n := strings.Count(text, "USING COVERING INDEX films_year_title (year=?)"); n != 10 {
		t.Errorf("%d of 10 years read from films_year_title; plan:\n%s", n, text)
	}
	// No pass over the decade: each sort is of one year's at most 50 rows
	// (SQLite sorts them for its merge of the ten streams), and nothing
	// scans films or reads a range of years.
	for _, bad := range []string{"SCAN f", "films_year (year>", "films_title"} {
		if strings.Contains(text, bad) {
			t.Errorf("the plan holds %q:\n%s", bad, text)
		}
	}
	for i, line := range plan {
		if strings.Contains(line, "TEMP B-TREE") && i > 0 && !strings.HasPrefix(plan[i-1], "SCAN y") && !strings.HasPrefix(plan[i-1], "SCAN m") {
			t.Errorf("a sort after %q, not of one year's rows:\n%s", plan[i-1], text)
		}
	}
}

func pageSlugs(t *testing.T, s *Store, q string, args []any) []string {
	t.Helper()
	rows, err := s.read.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		f, err := scanFilm(rows)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f.Slug)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
