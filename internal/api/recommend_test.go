package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/recommend"
	"marquee/internal/search"
	"marquee/internal/store"
)

// TestRecommendResponsesMatchOpenAPI checks the similar-films and
// recommendations endpoints against openapi.json over a real store with
// built lists and a MovieLens user's ratings.
func TestRecommendResponsesMatchOpenAPI(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		user, slug string
		stars      float64
	}{{"1", "tangerine-2015", 5}, {"2", "tangerine-2015", 4}, {"2", "red-rocket-2021", 4}} {
		if _, err := st.WriteDB().ExecContext(ctx, `INSERT INTO user_ratings (source, external_user, film_id, rating)
			SELECT 'movielens', $1, id, $2 FROM films WHERE slug = $3`, r.user, r.stars, r.slug); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := recommend.Rebuild(ctx, st, recommend.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	h := New(st, search.New(st), slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}).Handler()
	_, router := loadSpec(t)
	tests := []struct {
		path   string
		status int
	}{
		{"/api/v1/films/red-rocket-2021/similar", 200},
		{"/api/v1/films/take-out-2004/similar?limit=2", 200},
		{"/api/v1/films/no-such-film/similar", 404},
		{"/api/v1/films/red-rocket-2021/similar?limit=99", 400},
		{"/api/v1/users/ml:1/recommendations", 200},
		{"/api/v1/users/ml:1/recommendations?limit=1", 200},
		{"/api/v1/users/ml:404/recommendations", 404},
		{"/api/v1/users/nobody/recommendations", 404},
		{"/api/v1/users/ml:1/recommendations?limit=0", 400},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", tt.path, nil)
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("GET %s = %d, want %d: %s", tt.path, rec.Code, tt.status, rec.Body)
			}
			validate(t, router, req, rec)
		})
	}

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/users/ml:1/recommendations", nil))
	var got Recommendations
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Recommendations) == 0 {
		t.Fatal("no recommendations for ml:1")
	}
	imdb := map[string]string{}
	for _, p := range got.Recommendations {
		if p.Film.Slug == "tangerine-2015" {
			t.Error("recommended Tangerine, which ml:1 rated")
		}
		imdb[p.Film.Slug] = p.Film.IMDb
	}
	if p := got.Recommendations[0]; p.Film.Slug != "red-rocket-2021" || p.Reasons[0] != "because you rated Tangerine 5★" {
		t.Errorf("first pick = %+v, want Red Rocket, because ml:1 rated Tangerine 5★", p)
	}
	if id, ok := imdb["the-florida-project-2017"]; !ok || id != "tt5649144" {
		t.Errorf("The Florida Project: picked %v, IMDb id %q; want it with tt5649144", ok, id)
	}
}
