package catalog

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/store"
)

// A title without a year keeps none: NULL in the catalog, 0 (no year) in
// Go and so no "year" in JSON, and a slug without a year, whichever
// importer created it. A re-import of the same rows changes none of it.
func TestYearlessTitlesKeepNoYear(t *testing.T) {
	imdb := writeFiles(t, map[string]string{"title.basics.tsv": basicsHeader +
		"tt0000001\tmovie\tUntitled Wong Kar-wai Project\t\\N\t0\t\\N\t\\N\t\\N\t\\N\n" +
		"tt0116191\tmovie\tEmma\tEmma\t0\t1996\t\\N\t120\tComedy,Drama\n"})
	bo := filepath.Join(t.TempDir(), "boxoffice.json")
	if err := os.WriteFile(bo, []byte(`[{"Title": "Lost Reel", "US Gross": 1000, "Worldwide Gross": 2000, "Production Budget": 500}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	catalogEngines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		for range 2 {
			if _, err := ImportIMDb(ctx, st, imdb, IMDbOptions{}); err != nil {
				t.Fatal(err)
			}
			if _, err := ImportBoxOffice(ctx, st, bo, BoxOfficeOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		want := []string{"emma-1996 1996", "lost-reel NULL", "untitled-wong-kar-wai-project NULL"}
		got := strs(t, st, "SELECT slug || ' ' || COALESCE(CAST(year AS TEXT), 'NULL') FROM films ORDER BY slug")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("films (-want +got):\n%s", diff)
		}
		f, err := st.GetFilm(ctx, "untitled-wong-kar-wai-project")
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var fields map[string]any
		if err := json.Unmarshal(b, &fields); err != nil {
			t.Fatal(err)
		}
		if y, ok := fields["year"]; ok || f.Year != 0 {
			t.Errorf("yearless film: Year %d, JSON year %v; want none", f.Year, y)
		}
		// Sorted newest first, the yearless films come last.
		films, _, err := st.ListFilms(ctx, store.FilmFilter{Sort: "year"})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, f := range films {
			order = append(order, f.Slug)
		}
		if diff := cmp.Diff([]string{"emma-1996", "lost-reel", "untitled-wong-kar-wai-project"}, order); diff != "" {
			t.Errorf("films newest first (-want +got):\n%s", diff)
		}
		decades, err := st.Decades(ctx)
		if err != nil || len(decades) != 1 || decades[0].Value != "1990" {
			t.Errorf("decades = %+v, %v; want only 1990 (yearless films have none)", decades, err)
		}
	})
}
