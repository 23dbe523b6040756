package web

import (
	"context"
	"strings"
	"testing"

	"marquee/internal/recommend"
)

// TestFilmPageMoreLikeThis checks the film page's "More like this" block
// lists the built similar films with their reasons, escaped.
func TestFilmPageMoreLikeThis(t *testing.T) {
	st := newTestStore(t)
	if _, err := recommend.Rebuild(context.Background(), st, recommend.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, discardLog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	res, body := get(t, s.Handler(), "/films/red-rocket-2021")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	i := strings.Index(body, `<h2 id="more-like-this">More like this</h2>`)
	if i < 0 {
		t.Fatal("no More like this block")
	}
	block := body[i:]
	block = block[:strings.Index(block, "</section>")]
	for _, want := range []string{`<a href="/films/tangerine-2015">Tangerine</a>`, `<a href="/films/the-florida-project-2017">The Florida Project</a>`, "<li>also directed by Sean Baker</li>"} {
		if !strings.Contains(block, want) {
			t.Errorf("More like this lacks %s:\n%s", want, block)
		}
	}
	if strings.Contains(block, "red-rocket-2021") {
		t.Error("Red Rocket lists itself")
	}
}
