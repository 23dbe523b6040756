package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestRenamedFilmRedirects renames a film: its old slug answers 301 to the
// new one on the film page, its sub-pages and the API, with the query
// kept; an old slug a live film has taken since is that film's page.
func TestRenamedFilmRedirects(t *testing.T) {
	h, st := newTestHandler(t)
	ctx := context.Background()
	if res, _ := get(t, h, "/films/red-rocket-2021"); res.StatusCode != http.StatusOK {
		t.Fatalf("before the rename: %d", res.StatusCode) // and now in the page cache
	}
	to, err := st.RenameFilm(ctx, "red-rocket-2021", "Red Rocket", 2020)
	if err != nil || to != "red-rocket-2020" {
		t.Fatalf("RenameFilm = %q, %v", to, err)
	}
	if to, err = st.RenameFilm(ctx, "red-rocket-2020", "Red Rocket!", 2020); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"/films/red-rocket-2021", "/films/red-rocket-" + "2020"},
		{"/films/red-rocket-2021/history", "/films/red-rocket-2020/history"},
		{"/films/red-rocket-2021/theories?page=2", "/films/red-rocket-2020/theories?page=2"},
		{"/films/red-rocket-2020", "/films/red-rocket-2020"},
		{"/api/v1/films/red-rocket-2021", "/api/v1/films/red-rocket-2020"},
		{"/api/v1/films/red-rocket-2021/revisions", "/api/v1/films/red-rocket-2020/revisions"},
	}
	for _, tt := range tests {
		res, _ := get(t, h, tt.path)
		if tt.path == tt.want {
			if res.StatusCode != http.StatusOK {
				t.Errorf("GET %s = %d, want 200", tt.path, res.StatusCode)
			}
			continue
		}
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.want {
			t.Errorf("GET %s = %d to %q, want 301 to %q", tt.path, res.StatusCode, res.Header.Get("Location"), tt.want)
		}
	}
	// "Red Rocket!" 2020 makes the same slug: nothing moved, nothing kept.
	if to != "red-rocket-2020" {
		t.Errorf("a rename with the same slug moved it to %q", to)
	}
	// Tangerine takes the freed slug: the live film wins over the history.
	if _, err := st.RenameFilm(ctx, "tangerine-2015", "Red Rocket", 2021); err != nil {
		t.Fatal(err)
	}
	if res, body := get(t, h, "/films/red-rocket-2021"); res.StatusCode != http.StatusOK || !strings.Contains(body, "Red Rocket") {
		t.Errorf("GET the taken slug = %d", res.StatusCode)
	}
	for _, p := range []string{"/films/tangerine-2015", "/api/v1/films/tangerine-2015"} {
		if res, _ := get(t, h, p); res.StatusCode != http.StatusMovedPermanently {
			t.Errorf("GET %s = %d, want 301", p, res.StatusCode)
		}
	}
	if res, _ := get(t, h, "/films/never-a-film-1999"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET a slug that never was a film = %d, want 404", res.StatusCode)
	}
}
