package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	h, _ := newTestHandler(t)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Marquee", "Red Rocket", `id="written">Recently written about`, `id="recent">Recently added`, "revised "}},
		{"/films/red-rocket-2021", 200, []string{
			"<h1>Red Rocket", "Simon Rex", "Mikey Saber", `href="#faq"`, `id="faq"`, "Is Red Rocket based on a true story?",
			"A comedy with a bruise on it.", "<cite><a href=\"/publications/variety\">Variety</a></cite>",
			"Adults only", "severe sexual content and nudity and language; moderate drug and alcohol use",
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300" role="img" aria-label="Poster: Red Rocket"`,
			`"@type":"Movie"`, `"@type":"FAQPage"`, `property="og:title"`, `<link rel="canonical" href="https://films.example.org/films/red-rocket-2021">`,
			`id="ratings-t">Ratings from readers</title>`, "Cannes Film Festival", "Related films", "Tangerine",
			`<a href="/people/sean-baker">Sean Baker</a>`, `<a href="/films/red-rocket-2021/characters/mikey-saber">Mikey Saber</a>`,
			"<h3 id=\"plot-homecoming\">Homecoming</h3>", "<li>Refineries on every horizon</li>", `<th scope="col">Outlet</th>`,
			`<a href="/places/texas-city">Texas City</a>`,
		}},
		{"/films/take-out-2004", 200, []string{"Take Out", "No one has written a dossier"}}, {"/films/tangerine-2015", 200, []string{"Tangerine", `id="faq"`, "Contents"}},
		{"/people/sean-baker", 200, []string{"Sean Baker", "Director", "Red Rocket", `"@type":"Person"`, "Career timeline", "Dossiers that mention Sean Baker",
			`<h2 id="known-for">Known for</h2>`, "cinematographer on 1 film,"}},
		{"/people/simon-rex", 200, []string{"Mikey Saber", "Characters played"}},
		{"/films/red-rocket-2021/characters/mikey-saber", 200, []string{"Mikey Saber", "Played by", "Simon Rex"}},
		{"/themes/american-dream", 200, []string{"American Dream", "Red Rocket", "Anora"}},
		{"/places/texas-city", 200, []string{"Texas City", "Red Rocket"}},
		{"/publications/variety", 200, []string{"Variety", "A comedy with a bruise on it."}},
		{"/browse", 200, []string{"Decades", "2020s", "Drama", "American Dream", "Sean Baker"}},
		{"/films?decade=2010&sort=year", 200, []string{"the 2010s", "Tangerine", "The Florida Project"}},
		{"/films?genre=Drama&page=1", 200, []string{"Drama"}},
		{"/films?director=sean-baker", 200, []string{"directed by Sean Baker", "Red Rocket"}},
		// Facets combine with the filters chosen, each with its count; rows
		// carry a thumbnail, the director and the runtime.
		{"/films?genre=Drama&decade=2010", 200, []string{"Films 1–3 of 3", `aria-label="Refine the list"`,
			`<a class="current" rel="nofollow" href="/films?decade=2010"`, `<a rel="nofollow" href="/films?decade=2010&amp;genre=Comedy">Comedy <span class="n">1</span></a>`,
			`<a rel="nofollow" href="/films?decade=2000&amp;genre=Drama">2000s <span class="n">2</span></a>`,
			`<a rel="nofollow" href="/films?decade=2010&amp;genre=Drama&amp;theme=childhood">Childhood <span class="n">1</span></a>`,
			`<svg class="thumb"`, `<span class="by">by <a href="/people/sean-baker">Sean Baker</a></span>`, "1 h 28 min",
			`<meta name="robots" content="noindex`}},
		{"/films?sort=rating", 200, []string{`<strong aria-current="true">Rating</strong>`, `href="/films?sort=votes"`}},
		{"/search?q=baker&kind=film", 200, []string{`href="/films/red-rocket-2021"`, "directed by Sean Baker", "7 results",
			`<a rel="nofollow" href="/search?decade=2010&amp;kind=film&amp;q=baker">2010s <span class="n">3</span></a>`}},
		{"/search?q=baker&kind=film&decade=2010", 200, []string{"3 results", `href="/films/tangerine-2015"`}},
		{"/search?q=baker&page=9", 404, []string{"There is no page 9", `">Go to the last page</a>`}},
		{"/compare/red-rocket-2021/anora-2024", 200, []string{"Red Rocket", "Anora", "Directed by", `<h2 id="cmp-reception">Reception</h2>`, "Nothing in this dossier."}},
		{"/feed.atom", 200, []string{"<feed xmlns=\"http://www.w3.org/2005/Atom\">", "https://films.example.org/films/red-rocket-2021"}},
		{"/sitemap.xml", 200, []string{"<sitemapindex", "https://films.example.org/sitemaps/films/1.xml"}},
		{"/sitemaps/films/1.xml", 200, []string{"https://films.example.org/films/red-rocket-2021"}},
		{"/sitemaps/people/1.xml", 200, []string{"https://films.example.org/people/sean-baker"}},
		{"/robots.txt", 200, []string{"Sitemap: https://films.example.org/sitemap.xml"}},
		{"/search?q=baker", 200, []string{`Results for “baker”`, `href="/people/sean-baker"`}},
		{"/search?q=rocket&kind=film", 200, []string{"Red Rocket"}},
		{"/search?q=", 200, []string{"Search films, people"}},
		{"/api/v1/suggest?q=sean", 200, []string{`"url":"/people/sean-baker"`}},
		{"/healthz", 200, []string{"ok"}},
		{"/readyz", 200, []string{"ok"}},
		{"/static/site.css", 200, []string{"--paper"}},
		{"/static/suggest.js", 200, []string{"data-suggest"}},
		{"/films/the-florida-project-2017/characters/moonee", 200, []string{"<h2>In the dossier</h2>", "fearless, foul-mouthed six-year-old", `href="/films/the-florida-project-2017#`}},
		// Index pages
		{"/people", 200, []string{"<h1>People</h1>", `href="/people/sean-baker"`, "credits"}},
		{"/people?page=2", 404, []string{"There is no page 2", `href="/people"`}},
		{"/characters", 200, []string{"<h1>Characters</h1>", `href="/films/red-rocket-2021/characters/mikey-saber"`, "played by Simon Rex"}},
		{"/places", 200, []string{"<h1>Places</h1>", `href="/places/texas-city"`}},
		{"/publications", 200, []string{"<h1>Publications</h1>", `href="/publications/variety"`}},
		{"/compare", 200, []string{"Compare two films", `name="a"`, `name="b"`, `data-pick="film"`}},
		{"/compare?a=rocket&b=zzzzqqq", 200, []string{`value="rocket"`, "No film matches “zzzzqqq”"}},
		// Not found
		{"/films/no-such-film", 404, []string{"find that page", `value="no such film"`}},
		{"/films/red-rockit", 404, []string{"Were you looking for", `href="/films/red-rocket-2021"`}},
		{"/people/nobody", 404, []string{"Error 404"}},
		{"/films/red-rocket-2021/characters/nobody", 404, nil},
		{"/themes/nothing", 404, nil},
		{"/places/nowhere", 404, nil},
		{"/publications/nothing", 404, nil},
		{"/compare/red-rocket-2021/nope", 404, nil},
		{"/sitemaps/films/99.xml", 404, nil},
		{"/sitemaps/films/x.xml", 404, nil},
		{"/no/such/page", 404, nil},
		// Bad parameters name the parameter
		{"/films?page=abc", 400, []string{`parameter &#34;page&#34;`}},
		{"/films?decade=19x0", 400, []string{`parameter &#34;decade&#34;`}},
		{"/films?year=abc", 400, []string{`parameter &#34;year&#34;`}},
		{"/films?page=0", 400, []string{`parameter &#34;page&#34;`}},
		{"/films?page=999", 404, []string{"There is no page 999", "Go to the last page"}},
		{"/films?sort=random", 400, []string{`parameter &#34;sort&#34;`}},
		{"/search?kind=planet&q=x", 400, []string{`parameter &#34;kind&#34;`}},
		{"/search?q=" + strings.Repeat("a", 600), 400, []string{`parameter &#34;q&#34;`}},
		{"/themes/american-dream?page=x", 400, []string{`parameter &#34;page&#34;`}},
		// Hostile paths
		{"/films/..%2f..%2fetc%2fpasswd", 400, []string{"dot segment"}},
		{"/static/../web.go", 400, nil},
		{"/films/%ff%fe", 400, []string{"UTF-8"}},
		{"/films/" + strings.Repeat("a", 3000), 414, nil},
		{"/films/a%00b", 400, nil},
		{"/api/v1/films/%ff", 400, []string{`"code":"bad_request"`}},
	}
	for _, tt := range tests {
		name := tt.path
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			res, body := get(t, h, tt.path)
			if res.StatusCode != tt.status {
				t.Fatalf("GET %s = %d, want %d; body:\n%.400s", tt.path, res.StatusCode, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: body lacks %q", tt.path, w)
				}
			}
		})
	}
}

func TestWritesRefused(t *testing.T) {
	h, _ := newTestHandler(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		for _, p := range []string{"/films/red-rocket-2021", "/api/v1/films"} {
			req, _ := http.NewRequest(m, "http://x"+p, strings.NewReader("title=x"))
			rec := newRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("%s %s = %d, want 405", m, p, rec.Code)
			}
		}
	}
}

func TestConditionalAndGzip(t *testing.T) {
	h, _ := newTestHandler(t)
	res, body := get(t, h, "/films/red-rocket-2021")
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Last-Modified") == "" {
		t.Fatalf("no ETag (%q) or Last-Modified (%q)", etag, res.Header.Get("Last-Modified"))
	}
	res2, body2 := get(t, h, "/films/red-rocket-2021", "If-None-Match", etag)
	if res2.StatusCode != http.StatusNotModified || body2 != "" {
		t.Errorf("If-None-Match: got %d with %d bytes, want 304 and none", res2.StatusCode, len(body2))
	}
	res3, _ := get(t, h, "/films/red-rocket-2021", "If-Modified-Since", res.Header.Get("Last-Modified"))
	if res3.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since: got %d, want 304", res3.StatusCode)
	}
	res4, _ := get(t, h, "/films/red-rocket-2021", "If-None-Match", `"stale"`)
	if res4.StatusCode != http.StatusOK {
		t.Errorf("stale If-None-Match: got %d, want 200", res4.StatusCode)
	}
	res5, gz := get(t, h, "/films/red-rocket-2021", "Accept-Encoding", "br, gzip")
	if res5.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", res5.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(gz)))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if string(plain) != body {
		t.Error("gzipped body differs from the plain one")
	}
	if len(gz) >= len(body) {
		t.Errorf("gzip did not shrink the page: %d ≥ %d", len(gz), len(body))
	}
	if res5.Header.Get("ETag") != etag {
		t.Error("ETag changes with the encoding")
	}
	// The second gzip answer comes from the compressed copy kept with the
	// cached page.
	res6, gz2 := get(t, h, "/films/red-rocket-2021", "Accept-Encoding", "gzip")
	zr2, err := gzip.NewReader(bytes.NewReader([]byte(gz2)))
	if err != nil || res6.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("second gzip answer: %v, %q", err, res6.Header.Get("Content-Encoding"))
	}
	if plain2, _ := io.ReadAll(zr2); string(plain2) != body {
		t.Error("cached gzip body differs from the plain one")
	}
	if res7, _ := get(t, h, "/films/red-rocket-2021", "Accept-Encoding", "gzip;q=0"); res7.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent to a client that refused it")
	}
}

// TestJSONLD checks that every JSON-LD block on the film and person pages
// parses, and that the Movie has a director, actors and a rating.
func TestJSONLD(t *testing.T) {
	h, _ := newTestHandler(t)
	re := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	for _, p := range []string{"/films/red-rocket-2021", "/films/anora-2024", "/people/sean-baker"} {
		_, body := get(t, h, p)
		blocks := re.FindAllStringSubmatch(body, -1)
		if len(blocks) == 0 {
			t.Fatalf("%s: no JSON-LD", p)
		}
		for _, b := range blocks {
			var v map[string]any
			if err := json.Unmarshal([]byte(b[1]), &v); err != nil {
				t.Fatalf("%s: JSON-LD does not parse: %v\n%s", p, err, b[1])
			}
			if v["@type"] == "Movie" {
				for _, k := range []string{"director", "actor", "name", "url"} {
					if v[k] == nil {
						t.Errorf("%s: Movie lacks %s", p, k)
					}
				}
			}
		}
	}
}

// TestServerErrorPage closes the database under the server and checks
// that readers get a helpful 500 page, not a stack trace or half a page.
func TestServerErrorPage(t *testing.T) {
	st := newTestStore(t)
	s, err := New(st, discardLog(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	st.Close()
	res, body := get(t, h, "/films/red-rocket-2021")
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status = %d, want 500", res.StatusCode)
	}
	for _, want := range []string{"Something went wrong", "try again", `action="/search"`} {
		if !strings.Contains(body, want) {
			t.Errorf("500 page lacks %q", want)
		}
	}
	if strings.Contains(body, "sql") {
		t.Error("500 page leaks a database error")
	}
	res, body = get(t, h, "/api/v1/films/red-rocket-2021")
	if res.StatusCode != 500 || !strings.Contains(body, `"code":"internal"`) {
		t.Errorf("API 500 = %d %s", res.StatusCode, body)
	}
}

func TestHead(t *testing.T) {
	h, _ := newTestHandler(t)
	req := httptest.NewRequest("HEAD", "/films/red-rocket-2021", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("ETag") == "" {
		t.Errorf("HEAD = %d with %d bytes, ETag %q", rec.Code, rec.Body.Len(), rec.Header().Get("ETag"))
	}
}
