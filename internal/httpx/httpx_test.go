package httpx

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                   false,
		"gzip":               true,
		"br, gzip;q=0.8":     true,
		"GZIP":               true,
		"gzip;q=0":           false,
		"gzip; q=0.0, br":    false,
		"deflate, identity":  false,
		"x-gzip-like, br":    false,
		"br;q=1, gzip;q=0.5": true,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", header)
		if got := acceptsGzip(r); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

func TestConditional(t *testing.T) {
	body := []byte(strings.Repeat("film ", 400))
	mod := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	etag := ETag(body)
	tests := []struct {
		name   string
		header [2]string
		want   int
	}{
		{"none", [2]string{}, 200},
		{"matching etag", [2]string{"If-None-Match", etag}, 304},
		{"weak matching etag", [2]string{"If-None-Match", "W/" + etag}, 304},
		{"one of several", [2]string{"If-None-Match", `"a", ` + etag}, 304},
		{"other etag", [2]string{"If-None-Match", `"other"`}, 200},
		{"not modified since", [2]string{"If-Modified-Since", mod.Format(http.TimeFormat)}, 304},
		{"modified since", [2]string{"If-Modified-Since", mod.Add(-time.Hour).Format(http.TimeFormat)}, 200},
		{"bad date", [2]string{"If-Modified-Since", "yesterday"}, 200},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		if tt.header[0] != "" {
			r.Header.Set(tt.header[0], tt.header[1])
		}
		w := httptest.NewRecorder()
		Write(w, r, 200, "text/plain", body, mod)
		if w.Code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.want)
		}
		if w.Code == 304 && w.Body.Len() != 0 {
			t.Errorf("%s: 304 with a body", tt.name)
		}
	}
}

func TestGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	h := Guard(ok, nil)
	for path, want := range map[string]int{
		"/films/red-rocket-2021":           200,
		"/films/r%C3%A9d":                  200,
		"/films/..":                        400,
		"/films/%2e%2e/x":                  400,
		"/films/./x":                       400,
		"/films/%ff":                       400,
		"/films/a%0ab":                     400,
		"/" + strings.Repeat("a", 2100):    414,
		"/?q=" + strings.Repeat("a", 2100): 414,
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != want {
			t.Errorf("GET %.40s = %d, want %d", path, w.Code, want)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("DELETE", "/films/x", nil))
	if w.Code != 405 || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("DELETE = %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}
