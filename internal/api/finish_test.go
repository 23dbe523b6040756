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
		{"/api/v1/films?sort=rank", 400, `parameter "sort" value "rank" is not supported (supported: title, year, rating, votes, popular)`},
		{"/api/v1/films?order=title", 400, `parameter "order" is not a parameter here (known: award, certification, country, cursor, decade, director, genre, limit, sort, theme, year)`},
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
	}{{"/api/v1/films?limit=2", 7}, {"/api/v1/films?decade=2010", 3}, {"/api/v1/people?limit=1", 0},
		{"/api/v1/films?sort=votes&limit=2", 7}, {"/api/v1/suggest?q=sean", 1}} {
		status, body := call(tt.path)
		total, ok := body["total"].(float64)
		if status != http.StatusOK || !ok || (tt.total != 0 && total != tt.total) || total == 0 {
			t.Errorf("GET %s = %d, total %v (want %v)", tt.path, status, body["total"], tt.total)
		}
	}
}

// TestFilmListSorted pages through the demo's films newest first: the
// cursor carries the order, every film comes once, and a cursor of one
// order is refused by another.
func TestFilmListSorted(t *testing.T) {
	h := newTestAPI(t)
	var got []string
	path := "/api/v1/films?sort=year&limit=3"
	for path != "" {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		var page FilmList
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &page) != nil {
			t.Fatalf("GET %s = %d %s", path, rec.Code, rec.Body)
		}
		if page.Total != 7 {
			t.Errorf("GET %s: total %d, want 7", path, page.Total)
		}
		for _, f := range page.Films {
			got = append(got, f.Slug)
		}
		path = ""
		if page.NextCursor != "" {
			path = "/api/v1/films?sort=year&limit=3&cursor=" + page.NextCursor
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/films?sort=title&cursor="+page.NextCursor, nil))
			if rec.Code != http.StatusBadRequest {
				t.Errorf("a year cursor on the title order = %d, want 400", rec.Code)
			}
		}
	}
	want := []string{"anora-2024", "red-rocket-2021", "the-florida-project-2017", "tangerine-2015", "starlet-2012", "prince-of-broadway-2008", "take-out-2004"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("films newest first (-want +got):\n%s", diff)
	}
}
