package web

import (
	"net/http"
	"testing"
)

func TestCanonicalRedirects(t *testing.T) {
	h, _ := newTestHandler(t)
	tests := []struct {
		path, want string
	}{
		{"/films/red-rocket-2021/", "/films/red-rocket-2021"},
		{"/films/RED-ROCKET-2021", "/films/red-rocket-2021"},
		{"/Films/Red-Rocket-2021/?x=1", "/films/red-rocket-2021?x=1"},
		{"/films/tt5649144", "/films/the-florida-project-2017"},
		{"/people/sean-baker/", "/people/sean-baker"},
		{"/browse/", "/browse"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, _ := get(t, h, tt.path)
			if res.StatusCode != http.StatusMovedPermanently {
				t.Fatalf("GET %s = %d, want 301", tt.path, res.StatusCode)
			}
			if got := res.Header.Get("Location"); got != tt.want {
				t.Errorf("GET %s: Location = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
	// An IMDb id no film carries is a plain 404, and the API's paths are
	// left alone.
	for _, p := range []string{"/films/tt0000001", "/api/v1/films/RED-ROCKET-2021"} {
		if res, _ := get(t, h, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}

func TestCompareFormRedirects(t *testing.T) {
	h, _ := newTestHandler(t)
	res, _ := get(t, h, "/compare?a=red-rocket-2021&b=Anora")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/compare/red-rocket-2021/anora-2024" {
		t.Errorf("GET /compare?a=red-rocket-2021&b=Anora = %d to %q, want 303 to /compare/red-rocket-2021/anora-2024", res.StatusCode, res.Header.Get("Location"))
	}
}
