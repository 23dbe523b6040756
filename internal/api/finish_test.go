package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrorsAndTotals checks what a client reads first: errors that say
// what is wrong (without the store's chain), parameters nobody reads
// refused by name, and totals on every list.
func TestErrorsAndTotals(t *testing.T) {
	h := newTestAPI(t)
	call := func(path string) (int, map[string]any) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("GET %s: not JSON: %s", path, rec.Body)
		}
		return rec.Code, body
	}
	errs := []struct {
		path   string
		status int
		msg    string
	}{
		{"/api/v1/films/nope", 404, `film "nope" not found`},
		{"/api/v1/films?sort=title", 400, `parameter "sort" is not a parameter here (known: award, certification, country, cursor, decade, director, genre, limit, theme, year)`},
		{"/api/v1/search?q=baker&colour=red", 400, `parameter "colour" is not a parameter here (known: award, certification, country, cursor, decade, director, genre, kind, limit, q, theme, year)`},
		{"/api/v1/people?page=2", 400, `parameter "page" is not a parameter here (known: cursor, limit)`},
	}
	for _, tt := range errs {
		status, body := call(tt.path)
		e, _ := body["error"].(map[string]any)
		got := struct {
			Status int
			Msg    any
		}{status, e["message"]}
		want := struct {
			Status int
			Msg    any
		}{tt.status, tt.msg}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("GET %s (-want +got):\n%s", tt.path, diff)
		}
	}
	for _, tt := range []struct {
		path  string
		total float64
	}{{"/api/v1/films?limit=2", 7}, {"/api/v1/films?decade=2010", 3}, {"/api/v1/people?limit=1", 0}} {
		status, body := call(tt.path)
		total, ok := body["total"].(float64)
		if status != http.StatusOK || !ok || (tt.total != 0 && total != tt.total) || total == 0 {
			t.Errorf("GET %s = %d, total %v (want %v)", tt.path, status, body["total"], tt.total)
		}
	}
}
