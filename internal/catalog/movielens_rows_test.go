package catalog

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/search"
	"marquee/internal/store"
)

// TestMovieLensRows imports movies.csv rows in the shapes ml-latest has:
// alternative and original titles in parentheses (kept as alternative
// titles and found by search), a title without a year (kept without one),
// and spaces around a title.
func TestMovieLensRows(t *testing.T) {
	dir := t.TempDir()
	movies := "movieId,title,genres\n" +
		"29,\"City of Lost Children, The (Cité des enfants perdus, La) (1995)\",Adventure|Drama|Fantasy|Mystery|Sci-Fi\n" +
		"47,Seven (a.k.a. Se7en) (1995),Mystery|Thriller\n" +
		"1218,\"Boot, Das (Boat, The) (1981)\",Action|Drama|War\n" +
		"40697,Babylon 5,Sci-Fi\n" +
		"143410,Hyena Road ,(no genres listed)\n"
	if err := os.WriteFile(filepath.Join(dir, "movies.csv"), []byte(movies), 0o644); err != nil {
		t.Fatal(err)
	}
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := ImportMovieLens(ctx, st, dir, Options{}); err != nil {
			t.Fatal(err)
		}
		want := []string{
			"babylon-5|Babylon 5|NULL",
			"das-boot-1981|Das Boot|1981",
			"hyena-road|Hyena Road|NULL",
			"seven-1995|Seven|1995",
			"the-city-of-lost-children-1995|The City of Lost Children|1995",
		}
		got := strs(t, st, "SELECT slug || '|' || title || '|' || COALESCE(CAST(year AS TEXT), 'NULL') FROM films ORDER BY slug")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("films (-want +got):\n%s", diff)
		}
		wantAlts := []string{"das-boot-1981 The Boat", "seven-1995 Se7en", "the-city-of-lost-children-1995 La Cité des enfants perdus"}
		gotAlts := strs(t, st, "SELECT f.slug || ' ' || a.title FROM alt_titles a JOIN films f ON f.id = a.film_id ORDER BY f.slug")
		if diff := cmp.Diff(wantAlts, gotAlts); diff != "" {
			t.Errorf("alternative titles (-want +got):\n%s", diff)
		}
		for q, slug := range map[string]string{"Cité des enfants perdus": "the-city-of-lost-children-1995", "se7en": "seven-1995", "the boat": "das-boot-1981"} {
			res, err := search.New(st).Search(ctx, search.Query{Text: q})
			if err != nil || len(res.Results) == 0 || res.Results[0].Slug != slug {
				t.Errorf("search %q: %+v, %v; want %s first", q, res, err, slug)
			}
		}
		f, err := st.GetFilm(ctx, "babylon-5")
		if err != nil || f.Year != 0 {
			t.Errorf("Babylon 5 = %+v, %v; want no year", f, err)
		}
	})
}
