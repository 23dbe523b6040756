package catalog

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// rowCounts is what a summary says happened, per file.
type rowCounts struct{ Imported, Updated, Unchanged int64 }

func countsOf(s *Summary) map[string]rowCounts {
	out := map[string]rowCounts{}
	for _, f := range s.Files {
		out[f.File] = rowCounts{f.Imported, f.Updated, f.Unchanged}
	}
	return out
}

// Box office: a first import adds records, an identical re-import
// updates nothing, and a row whose budget or gross changed is updated.
func TestBoxOfficeUpdatedCounts(t *testing.T) {
	dir := t.TempDir()
	table := `[{"Title": "Tangerine", "Release Date": "2015-07-10", "Production Budget": 100000, "US Gross": 702354, "Worldwide Gross": 824000},
		{"Title": "Red Rocket", "Release Date": "2021-12-10", "Production Budget": 1000000, "US Gross": 1600000},
		{"Title": "Starlet", "Release Date": "2012-11-09", "Production Budget": 235000}]`
	path := filepath.Join(dir, "bo.json")
	write := func(body string) {
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		run := func() *Summary {
			t.Helper()
			sum, err := ImportBoxOffice(ctx, st, path, BoxOfficeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			return sum
		}
		write(table)
		steps := []struct {
			name  string
			table string
			want  rowCounts
		}{
			{"first import", table, rowCounts{Imported: 3}},
			{"identical re-import", table, rowCounts{Unchanged: 3}},
			{"a gross changed", strings.Replace(table, "1600000", "1700000", 1), rowCounts{Updated: 1, Unchanged: 2}},
			{"a budget changed", strings.Replace(table, "235000", "250000", 1), rowCounts{Updated: 2, Unchanged: 1}},
		}
		for _, s := range steps {
			write(s.table)
			sum := run()
			if diff := cmp.Diff(map[string]rowCounts{"bo.json": s.want}, countsOf(sum)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", s.name, diff)
			}
			if sum.Updated != s.want.Updated || sum.Unchanged != s.want.Unchanged {
				t.Errorf("%s: totals updated %d, unchanged %d; want %d, %d", s.name, sum.Updated, sum.Unchanged, s.want.Updated, s.want.Unchanged)
			}
			b, err := json.Marshal(sum)
			if err != nil {
				t.Fatal(err)
			}
			var js struct{ Updated, Unchanged int64 }
			if err := json.Unmarshal(b, &js); err != nil || js.Updated != s.want.Updated || js.Unchanged != s.want.Unchanged {
				t.Errorf("%s: JSON summary says updated %d, unchanged %d (%v)", s.name, js.Updated, js.Unchanged, err)
			}
		}
		// The last table's gross is what the catalog holds.
		var amount int64
		if err := st.DB().QueryRow(`SELECT g.amount FROM box_office_grosses g JOIN films f ON f.id = g.film_id
			WHERE f.title = 'Red Rocket' AND g.territory = 'domestic'`).Scan(&amount); err != nil || amount != 1600000 {
			t.Errorf("Red Rocket's domestic gross = %d, %v; want 1600000 (the last table's)", amount, err)
		}
	})
}

// Letterboxd: an identical re-import updates 0; a changed rating and a
// changed list note are updated, the rest unchanged.
func TestLetterboxdUpdatedCounts(t *testing.T) {
	ctx := context.Background()
	st := newStore(t)
	if _, err := ImportMovieLens(ctx, st, "testdata/movielens", Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"diary.csv", "ratings.csv", "reviews.csv", "watched.csv", "watchlist.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata/letterboxd", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-11-05,Baker,,https://boxd.it/list1,\n\n" +
		"Position,Name,Year,URL,Description\n1,Tangerine,2015,https://boxd.it/aaaa,shot on an iPhone\n2,The Florida Project,2017,https://boxd.it/dddd,\n"
	if err := os.MkdirAll(filepath.Join(dir, "lists"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeList := func(body string) {
		if err := os.WriteFile(filepath.Join(dir, "lists", "baker.csv"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeList(list)
	first, err := ImportLetterboxd(ctx, st, dir, "moonee", Options{})
	if err != nil {
		t.Fatal(err)
	}
	firstCounts := countsOf(first)
	again, err := ImportLetterboxd(ctx, st, dir, "moonee", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]rowCounts{}
	for f, c := range firstCounts {
		if c.Updated != 0 || c.Unchanged != 0 {
			t.Errorf("first import of %s: %+v, want only imported rows", f, c)
		}
		want[f] = rowCounts{Unchanged: c.Imported}
	}
	if diff := cmp.Diff(want, countsOf(again)); diff != "" {
		t.Errorf("identical re-import (-want +got):\n%s", diff)
	}
	if again.Updated != 0 || again.Imported != 0 {
		t.Errorf("identical re-import: %d imported, %d updated; want 0, 0", again.Imported, again.Updated)
	}

	ratings, err := os.ReadFile(filepath.Join(dir, "ratings.csv"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(ratings), "2015,https://boxd.it/aaaa,4.5", "2015,https://boxd.it/aaaa,3", 1)
	if changed == string(ratings) {
		t.Fatal("the ratings fixture no longer rates Tangerine 4.5")
	}
	if err := os.WriteFile(filepath.Join(dir, "ratings.csv"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	writeList(strings.Replace(list, "shot on an iPhone", "shot on three iPhones", 1))
	third, err := ImportLetterboxd(ctx, st, dir, "moonee", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := countsOf(third)
	for f, c := range firstCounts {
		w := rowCounts{Unchanged: c.Imported}
		if f == "ratings.csv" || f == "lists/baker.csv" {
			w = rowCounts{Updated: 1, Unchanged: c.Imported - 1}
		}
		if got[f] != w {
			t.Errorf("third import of %s: %+v, want %+v", f, got[f], w)
		}
	}
	var rating float64
	if err := st.DB().QueryRow(`SELECT r.rating FROM user_ratings r JOIN films f ON f.id = r.film_id WHERE f.title = 'Tangerine' AND r.source = 'letterboxd'`).Scan(&rating); err != nil || rating != 3 {
		t.Errorf("Tangerine's rating = %v, %v; want 3", rating, err)
	}
}
