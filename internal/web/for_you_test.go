package web

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/recommend"
)

// TestForYouPage rates and logs films as a member does on the site, lets
// the refresher take the ratings in, and checks the "For you" page: its
// picks carry reasons from the member's own ratings and never a film they
// rated or logged; a member who rated nothing is told what to do; a
// visitor is sent to sign in.
func TestForYouPage(t *testing.T) {
	s := newAuthSite(t, filepath.Join(t.TempDir(), "m.db"))
	ctx := context.Background()
	if err := demo.Load(ctx, s.st); err != nil {
		t.Fatal(err)
	}
	// MovieLens users who liked Tangerine liked Red Rocket too.
	for _, u := range []string{"2", "3", "4", "5", "6"} {
		for slug, stars := range map[string]float64{"tangerine-2015": 5, "red-rocket-2021": 4.5} {
			if _, err := s.st.WriteDB().ExecContext(ctx, `INSERT INTO user_ratings (source, external_user, film_id, rating)
				SELECT 'movielens', $1, id, $2 FROM films WHERE slug = $3`, u, stars, slug); err != nil {
				t.Fatal(err)
			}
		}
	}
	r := recommend.NewRefresher(s.st, recommend.DefaultOptions())
	defer r.Close()
	if _, err := r.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	s.addUser("ana", auth.RoleMember, "correct horse battery")
	s.addUser("bo", auth.RoleMember, "correct horse battery")
	ana, bo := s.client(), s.client()
	ana.signIn("ana", "correct horse battery")
	bo.signIn("bo", "correct horse battery")

	if res, body := bo.get("/for-you"); res.StatusCode != http.StatusOK || !strings.Contains(body, "Nothing to recommend yet. Rate a few films") {
		t.Errorf("empty For you: status %d:\n%s", res.StatusCode, body)
	}
	if res, _ := ana.post("/films/tangerine-2015/rate", "/films/tangerine-2015", url.Values{"rating": {"5"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rate: %d", res.StatusCode)
	}
	if res, _ := ana.post("/films/anora-2024/diary", "/films/anora-2024", url.Values{"watched_on": {"2024-10-18"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("diary: %d", res.StatusCode)
	}
	if n, err := r.Flush(ctx); err != nil || n == 0 {
		t.Fatalf("flush = %d, %v; want Tangerine's list refreshed", n, err)
	}
	res, body := ana.get("/for-you")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("For you: status %d", res.StatusCode)
	}
	for _, want := range []string{`<a href="/films/red-rocket-2021">Red Rocket</a>`, "<li>because you rated Tangerine 5★</li>"} {
		if !strings.Contains(body, want) {
			t.Errorf("For you lacks %s:\n%s", want, body)
		}
	}
	list := body[strings.Index(body, "<h1>For you</h1>"):]
	for _, seen := range []string{`href="/films/tangerine-2015"`, `href="/films/anora-2024"`} {
		if strings.Contains(list, seen) {
			t.Errorf("For you recommends %s, which ana rated or logged", seen)
		}
	}
	if res, _ := s.client().get("/for-you"); res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusFound {
		t.Errorf("visitor: status %d, want a redirect to sign in", res.StatusCode)
	}
}
