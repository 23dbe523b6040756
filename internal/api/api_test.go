package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/search"
	"marquee/internal/store"
)

func newTestAPI(t *testing.T) http.Handler {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	d := &film.Dossier{
		Sections: []film.Section{{Kind: film.SectionIntroduction, Heading: "Introduction", Text: "Red Rocket is a comedy."}},
		FAQ:      []film.FAQ{{Question: "Is it true?", Answer: "No."}},
		Quotes:   []film.Quote{{Text: "A comedy with a bruise.", Speaker: "Peter Debruge", Source: "Variety"}},
	}
	if _, err := st.PutDossier(ctx, "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	return New(st, search.New(st), slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}).Handler()
}

func loadSpec(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(OpenAPI())
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, router
}

// TestResponsesMatchOpenAPI sends real requests to the API over a real
// store and validates each response against the embedded OpenAPI
// document, errors included.
func TestResponsesMatchOpenAPI(t *testing.T) {
	h := newTestAPI(t)
	_, router := loadSpec(t)
	tests := []struct {
		path   string
		status int
	}{
		{"/api/v1/films", 200},
		{"/api/v1/films?limit=2", 200},
		{"/api/v1/films?decade=2010&genre=Drama", 200},
		{"/api/v1/films?director=sean-baker&limit=1", 200},
		{"/api/v1/films?award=Palme+d%27Or", 200},
		{"/api/v1/films/red-rocket-2021", 200},
		{"/api/v1/films/anora-2024", 200},
		{"/api/v1/films/tangerine-2015", 200},
		{"/api/v1/films/tt28607951", 200},
		{"/api/v1/films/no-such-film", 404},
		{"/api/v1/films/tt0000001", 404},
		{"/api/v1/films?limit=abc", 400},
		{"/api/v1/films?decade=19x0", 400},
		{"/api/v1/films?cursor=bogus", 400},
		{"/api/v1/people", 200},
		{"/api/v1/people?limit=3", 200},
		{"/api/v1/people/sean-baker", 200},
		{"/api/v1/people/simon-rex", 200},
		{"/api/v1/people/nobody", 404},
		{"/api/v1/suggest?q=", 200},
		{"/api/v1/suggest?q=ba", 200},
		{"/api/v1/suggest?q=red&n=3", 200},
		{"/api/v1/search?q=baker", 200},
		{"/api/v1/search?q=red+rocket&kind=film", 200},
		{"/api/v1/search?q=texas&limit=1", 200},
		{"/api/v1/search?q=zzzzqqq", 200},
		{"/api/v1/suggest?n=99&q=ba", 400},
		{"/api/v1/search?q=", 400},
		{"/api/v1/search?q=x&kind=planet", 400},
		{"/api/v1/films/red-rocket-2021/members", 200},
		{"/api/v1/films/red-rocket-2021/members?order=likes", 200},
		{"/api/v1/films/red-rocket-2021/members?order=best", 400},
		{"/api/v1/films/no-such-film/members", 404},
		{"/api/v1/members/nobody/diary", 404},
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
}

func validate(t *testing.T, router routers.Router, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s is not in openapi.json: %v", req.URL, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{ExcludeRequestBody: true}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s %s: response does not match openapi.json: %v\n%.600s", req.Method, req.URL, err, rec.Body)
	}
}

// TestFilmJSON checks the film document: the dossier in its JSON form
// with directors filled from the credits, and empty lists as [].
func TestFilmJSON(t *testing.T) {
	h := newTestAPI(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/films/red-rocket-2021", nil))
	body := rec.Body.String()
	for _, want := range []string{`"directors":["Sean Baker"]`, `"subsections":[]`, `"cast":[]`, `"places":[]`,
		`"faq":[{"question":"Is it true?","answer":"No."}]`, `"title":"Red Rocket"`, `"character":"Mikey Saber"`} {
		if !strings.Contains(body, want) {
			t.Errorf("film JSON lacks %s", want)
		}
	}
	if strings.Contains(body, "null") && !strings.Contains(body, `"box_office":null`) {
		t.Errorf("film JSON has a null list:\n%s", body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
}

// TestCursorPagination walks the film list two at a time and checks that
// it sees every film once.
func TestCursorPagination(t *testing.T) {
	h := newTestAPI(t)
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; pages < 20; pages++ {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/films?limit=2&cursor="+cursor, nil))
		var l FilmList
		if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		for _, f := range l.Films {
			if seen[f.Slug] {
				t.Fatalf("%s seen twice", f.Slug)
			}
			seen[f.Slug] = true
		}
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
	}
	if want := len(demo.FilmSlugs()); len(seen) != want {
		t.Errorf("walked %d films, want %d", len(seen), want)
	}
}

// TestErrorsAreJSON checks that every failure under /api is a JSON error
// with a code and a message naming the problem.
func TestErrorsAreJSON(t *testing.T) {
	h := newTestAPI(t)
	for path, want := range map[string]string{
		"/api/v1/films?limit=abc":  `"limit"`,
		"/api/v1/films?decade=19x": `"decade"`,
		"/api/v1/films/nope":       "not found",
		"/api/v2/anything":         "not found",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		var e Error
		if err := json.NewDecoder(bytes.NewReader(rec.Body.Bytes())).Decode(&e); err != nil || e.Error.Code == "" {
			t.Errorf("GET %s: body %q is not a JSON error (%v)", path, rec.Body, err)
			continue
		}
		if !strings.Contains(e.Error.Message, want) {
			t.Errorf("GET %s: message %q lacks %s", path, e.Error.Message, want)
		}
	}
}

// TestSearchCursor pages through search results one at a time and checks
// that the cursor moves on and ends.
func TestSearchCursor(t *testing.T) {
	h := newTestAPI(t)
	cursor, seen := "", map[string]bool{}
	for range 50 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/search?q=baker&limit=1&cursor="+cursor, nil))
		var p SearchPage
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || rec.Code != 200 {
			t.Fatalf("%d %s: %v", rec.Code, rec.Body, err)
		}
		for _, r := range p.Results {
			if seen[r.Kind+r.Slug+r.Section] {
				t.Errorf("%s %s seen twice", r.Kind, r.Slug)
			}
			seen[r.Kind+r.Slug+r.Section] = true
		}
		if p.NextCursor == "" {
			if len(seen) < 2 {
				t.Errorf("search for baker paged through %d results; want several", len(seen))
			}
			return
		}
		cursor = p.NextCursor
	}
	t.Error("the search cursor never ended")
}
