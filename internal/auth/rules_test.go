package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRouterRefusesUndeclaredWrites(t *testing.T) {
	rt := NewRouter(nil)
	defer func() {
		if recover() == nil {
			t.Error("Handle accepted a POST route without a Rule")
		}
	}()
	rt.Handle("POST /x", http.NotFoundHandler())
}

func TestRouterAllows(t *testing.T) {
	a := New(nil, Options{Params: testParams})
	rt := NewRouter(a)
	ok := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	rt.Handle("GET /films/{slug}", ok)
	rt.Route("POST /films/{slug}/review", Member, ok)
	rt.Handle("/", ok)
	sub := NewRouter(a)
	sub.Route("PATCH /api/v1/me", Member, ok)
	rt.Mount("/api/", sub, sub)
	for _, tt := range []struct {
		method, path string
		want         bool
	}{
		{"GET", "/films/x", true}, {"HEAD", "/films/x", true}, {"POST", "/films/x", false},
		{"POST", "/films/x/review", true}, {"DELETE", "/films/x/review", false}, {"POST", "/nowhere", false},
		{"GET", "/nowhere", true}, {"PATCH", "/api/v1/me", true}, {"POST", "/api/v1/me", false},
	} {
		if got := rt.Allows(httptest.NewRequest(tt.method, tt.path, nil)); got != tt.want {
			t.Errorf("Allows(%s %s) = %v, want %v", tt.method, tt.path, got, tt.want)
		}
	}
	if n := len(rt.Routes()); n != 4 {
		t.Errorf("Routes() lists %d routes, want 4 (the mounted one included)", n)
	}
}
