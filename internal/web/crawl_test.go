package web

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/catalog"
	"marquee/internal/catalog/imdbgen"
	"marquee/internal/demo"
	"marquee/internal/store"
)

var (
	hrefRE = regexp.MustCompile(`\s(rel="nofollow" )?href="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
	urlRE  = regexp.MustCompile(`"url":"([^"]*)"`)
)

// crawl follows every internal link of the site from the seeds, and fails
// on any page that is not a 200 and any fragment the target page lacks.
// Links marked rel="nofollow" (the facets, whose combinations have no
// end) must land too, but the crawl reads no further from where they lead.
// It returns how many pages it read.
func crawl(t *testing.T, h http.Handler, seeds []string, limit int) int {
	t.Helper()
	type link struct {
		from, to string
		leaf     bool // reached through rel="nofollow": not followed further
	}
	queue := []link{}
	for _, s := range seeds {
		queue = append(queue, link{from: "(seed)", to: s})
	}
	seen := map[string]bool{}
	ids := map[string]map[string]bool{} // page → its ids
	var frags []link                    // links with a fragment, checked at the end
	pages := 0
	for len(queue) > 0 {
		l := queue[0]
		queue = queue[1:]
		u, err := url.Parse(l.to)
		if err != nil {
			t.Errorf("%s links to unparsable %q: %v", l.from, l.to, err)
			continue
		}
		if u.Fragment != "" {
			frags = append(frags, l)
		}
		u.Fragment = ""
		page := u.String()
		if seen[page] {
			continue
		}
		seen[page] = true
		if pages++; pages > limit {
			t.Fatalf("more than %d pages: the crawl does not end (last: %s from %s)", limit, page, l.from)
		}
		res, body := get(t, h, page)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s links to %s: status %d", l.from, page, res.StatusCode)
			continue
		}
		ct := res.Header.Get("Content-Type")
		var found []link
		switch {
		case strings.HasPrefix(ct, "text/html"):
			set := map[string]bool{}
			for _, m := range idRE.FindAllStringSubmatch(body, -1) {
				set[html.UnescapeString(m[1])] = true
			}
			ids[page] = set
			for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
				found = append(found, link{to: html.UnescapeString(m[2]), leaf: m[1] != ""})
			}
		case strings.HasPrefix(ct, "application/json"):
			for _, m := range urlRE.FindAllStringSubmatch(body, -1) {
				var s string
				if json.Unmarshal([]byte(`"`+m[1]+`"`), &s) == nil {
					found = append(found, link{to: s})
				}
			}
		}
		if l.leaf {
			found = nil
		}
		for _, f := range found {
			switch {
			case strings.HasPrefix(f.to, "#"):
				frags = append(frags, link{from: page, to: page + f.to})
			case strings.HasPrefix(f.to, "/") && !strings.HasPrefix(f.to, "//"):
				queue = append(queue, link{from: page, to: f.to, leaf: f.leaf})
			}
		}
	}
	for _, l := range frags {
		u, _ := url.Parse(l.to)
		frag := u.Fragment
		u.Fragment = ""
		set, ok := ids[u.String()]
		if !ok {
			continue // the page itself failed and was reported
		}
		if !set[frag] {
			t.Errorf("%s links to %s: the page has no id %q", l.from, l.to, frag)
		}
	}
	if len(frags) == 0 {
		t.Error("no link with a fragment was found")
	}
	t.Logf("%d links with a fragment checked", len(frags))
	return pages
}

// crawlSeeds are pages no other page links to (search results, the API's
// lists) whose links must land as well.
var crawlSeeds = []string{
	"/", "/search?q=baker", "/search?q=moonee", "/search?q=reception&kind=dossier", "/search?q=box+office",
	"/search?q=american+dream&kind=dossier", "/api/v1/search?q=florida", "/api/v1/search?q=reception&kind=dossier",
	"/api/v1/suggest?q=moo", "/api/v1/suggest?q=sean", "/compare",
}

func crawlServer(t *testing.T, st *store.Store) http.Handler {
	t.Helper()
	s, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{BaseURL: "https://films.example.org", NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.Handler()
}

func TestCrawlDemo(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t, "crawl.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	n := crawl(t, crawlServer(t, st), crawlSeeds, 5000)
	t.Logf("crawled %d pages", n)
}

func TestCrawlGenerated(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := imdbgen.Generate(dir, imdbgen.Options{Scale: 0.0001, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, testDSN(t, "crawlgen.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := catalog.ImportIMDb(ctx, st, dir, catalog.IMDbOptions{Types: []string{"all"}}); err != nil {
		t.Fatal(err)
	}
	// The demo's films and dossiers on top, so dossier pages link into a
	// catalog of generated names.
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	n := crawl(t, crawlServer(t, st), crawlSeeds, 20000)
	t.Logf("crawled %d pages", n)
}
