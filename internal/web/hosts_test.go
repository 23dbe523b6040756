package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestTrustedHosts(t *testing.T) {
	st := newTestStore(t)
	s, err := New(st, discardLog(), Options{NoCache: true, TrustedHosts: []string{"films.local", "127.0.0.1:8080", "localhost"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	withBase, err := New(st, discardLog(), Options{NoCache: true, BaseURL: "https://films.example.org", TrustedHosts: []string{"localhost"}})
	if err != nil {
		t.Fatal(err)
	}
	defer withBase.Close()
	tests := []struct {
		name      string
		h         http.Handler
		host      string
		path      string
		status    int
		canonical string // in the body when not ""
	}{
		{"trusted name, any port", s.Handler(), "films.local:9999", "/films/red-rocket-2021", 200, `href="http://films.local:9999/films/red-rocket-2021"`},
		{"trusted name and port", s.Handler(), "127.0.0.1:8080", "/", 200, `href="http://127.0.0.1:8080/"`},
		{"untrusted port", s.Handler(), "127.0.0.1:9090", "/", 421, ""},
		{"unknown host", s.Handler(), "evil.example", "/films/red-rocket-2021", 421, ""},
		{"unknown host, API", s.Handler(), "evil.example", "/api/v1/films", 421, ""},
		{"unknown host, health check", s.Handler(), "evil.example", "/healthz", 200, ""},
		{"base URL set: any host, links from the base", withBase.Handler(), "evil.example", "/films/red-rocket-2021", 200, `href="https://films.example.org/films/red-rocket-2021"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.path, nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			tt.h.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Fatalf("GET %s with Host %s = %d, want %d", tt.path, tt.host, rec.Code, tt.status)
			}
			if tt.canonical != "" && !strings.Contains(body, tt.canonical) {
				t.Errorf("body lacks %s", tt.canonical)
			}
			if strings.Contains(body, "evil.example") {
				t.Errorf("the unknown Host is echoed in the body")
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("no security headers on a %d", rec.Code)
			}
		})
	}
}
