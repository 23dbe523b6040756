package recommend_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/film"
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

func TestForPerson(t *testing.T) {
	engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		// Five MovieLens users who liked Tangerine also liked Red Rocket;
		// user 1 rated Tangerine only.
		for _, u := range []string{"2", "3", "4", "5", "6"} {
			rate(t, st, u, "tangerine-2015", 5)
			rate(t, st, u, "red-rocket-2021", 4.5)
		}
		rate(t, st, "1", "tangerine-2015", 5)
		rate(t, st, "1", "take-out-2004", 2)
		// ml:1 logged Anora without rating it: it must not be recommended either.
		if _, err := st.WriteDB().ExecContext(ctx, `INSERT INTO diary_entries (source, external_user, film_id, watched_on)
			SELECT 'movielens', '1', id, '2024-10-18' FROM films WHERE slug = 'anora-2024'`); err != nil {
			t.Fatal(err)
		}
		if _, err := recommend.Rebuild(ctx, st, recommend.DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		picks, err := recommend.ForPerson(ctx, st, "ml:1", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(picks) == 0 {
			t.Fatal("no picks for ml:1")
		}
		if picks[0].Film.Slug != "red-rocket-2021" {
			t.Errorf("first pick = %s, want red-rocket-2021 (liked by everyone who liked Tangerine)", picks[0].Film.Slug)
		}
		for _, p := range picks {
			if p.Film.Slug == "tangerine-2015" || p.Film.Slug == "take-out-2004" || p.Film.Slug == "anora-2024" {
				t.Errorf("recommended %s, which ml:1 rated or logged", p.Film.Slug)
			}
			if len(p.Reasons) == 0 || !strings.HasPrefix(p.Reasons[0], "because you rated ") {
				t.Errorf("%s reasons = %q", p.Film.Slug, p.Reasons)
			}
		}
		if got := picks[0].Reasons[0]; got != "because you rated Tangerine 5★" {
			t.Errorf("first reason = %q, want \"because you rated Tangerine 5★\"", got)
		}
		// The collaborative reason appears in Tangerine's list.
		_, sim, err := st.SimilarFilms(ctx, "tangerine-2015", 12)
		if err != nil {
			t.Fatal(err)
		}
		want := "people who rated Tangerine 4★ or more also rated it highly: 5 of 5" // ml:1 did not rate Red Rocket
		found := false
		for _, s := range sim {
			if s.Film.Slug == "red-rocket-2021" {
				found = slices.Contains(s.Reasons, want)
				if !found {
					t.Errorf("Tangerine → Red Rocket reasons = %q, want %q", s.Reasons, want)
				}
			}
		}
		if !found {
			t.Error("Red Rocket not in Tangerine's list")
		}
		if _, err := recommend.ForPerson(ctx, st, "ml:999", 10); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("unknown MovieLens user: err = %v, want ErrNotFound", err)
		}
		if _, err := recommend.ForPerson(ctx, st, "nobody", 10); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("unknown member: err = %v, want ErrNotFound", err)
		}
		if _, _, err := st.SimilarFilms(ctx, "no-such-film", 12); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("unknown film: err = %v, want ErrNotFound", err)
		}
	})
}
