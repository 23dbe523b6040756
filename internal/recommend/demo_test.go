package recommend_test

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/recommend"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// engines runs fn on a store holding the demo catalog, on SQLite and,
// when MARQUEE_TEST_POSTGRES names a server, on PostgreSQL.
func engines(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	t.Helper()
	open := func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := demo.Load(ctx, st); err != nil {
			t.Fatal(err)
		}
		fn(t, st)
	}
	t.Run("sqlite", func(t *testing.T) { open(t, filepath.Join(t.TempDir(), "m.db")) })
	if os.Getenv(storetest.EnvPostgres) != "" {
		t.Run("postgres", func(t *testing.T) { open(t, storetest.PostgresDSN(t)) })
	}
}

// rate stores MovieLens ratings as the importer does.
func rate(t *testing.T, st *store.Store, user, slug string, stars float64) {
	t.Helper()
	_, err := st.WriteDB().ExecContext(context.Background(), `INSERT INTO user_ratings (source, external_user, film_id, rating, rated_at)
		SELECT 'movielens', $1, id, $2, 0 FROM films WHERE slug = $3`, user, stars, slug)
	if err != nil {
		t.Fatal(err)
	}
}

func TestRedRocketSimilar(t *testing.T) {
	engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := recommend.Rebuild(ctx, st, recommend.DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		_, got, err := st.SimilarFilms(ctx, "red-rocket-2021", 12)
		if err != nil {
			t.Fatal(err)
		}
		reasons := map[string][]string{}
		for _, s := range got {
			reasons[s.Film.Slug] = s.Reasons
			if len(s.Reasons) == 0 {
				t.Errorf("%s has no reasons", s.Film.Slug)
			}
			if s.Film.Slug == "red-rocket-2021" {
				t.Error("Red Rocket is listed as similar to itself")
			}
		}
		for _, slug := range []string{"tangerine-2015", "the-florida-project-2017"} {
			r, ok := reasons[slug]
			if !ok {
				t.Errorf("%s missing from Red Rocket's similar films %v", slug, slices.Sorted(maps.Keys(reasons)))
				continue
			}
			if !slices.Contains(r, "also directed by Sean Baker") {
				t.Errorf("%s reasons = %q, want \"also directed by Sean Baker\" among them", slug, r)
			}
		}
		// Red Rocket and Tangerine share sex work; Red Rocket and Anora share the American Dream.
		if r := strings.Join(reasons["tangerine-2015"], "; "); !strings.Contains(r, "shares themes: sex work") {
			t.Errorf("tangerine reasons = %q, want the shared theme", r)
		}
		if r := strings.Join(reasons["anora-2024"], "; "); !strings.Contains(r, "American Dream") {
			t.Errorf("anora reasons = %q, want the American Dream", r)
		}
		// Starlet has no cast member in common with Red Rocket: no cast reason.
		for _, r := range reasons["starlet-2012"] {
			if strings.HasSuffix(r, "in both") {
				t.Errorf("starlet reason %q claims a shared cast member", r)
			}
		}
	})
}
