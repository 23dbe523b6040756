package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/member"
	"marquee/internal/recommend"
	"marquee/internal/store"
)

// After a member write, a cached film page is brought up to date by
// rendering its members' block alone: the spliced page is byte for byte
// the page a full rendering gives, for both review orders, and a catalog
// write still renders the page whole.
func TestFilmPageSplicesMembersBlock(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := New(st, log, Options{BaseURL: "https://films.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.cache == nil || s.cache.spliceBlock == nil {
		t.Skip("no stamped page cache on this engine")
	}
	whole, err := New(st, log, Options{BaseURL: "https://films.example.org", NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer whole.Close()
	splices := 0
	block := s.cache.spliceBlock
	s.cache.spliceBlock = func(r *http.Request, id int64) ([]byte, error) {
		splices++
		return block(r, id)
	}
	h, w := s.Handler(), whole.Handler()
	pages := []string{"/films/red-rocket-2021", "/films/red-rocket-2021?reviews=likes"}
	for _, p := range pages {
		get(t, h, p)
	}
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ('ana', 1)"); err != nil {
		t.Fatal(err)
	}
	uid, _ := st.MemberID(ctx, "ana")
	r := member.Rating(7)
	if err := st.SetFilmLog(ctx, uid, "red-rocket-2021", store.FilmLogChange{Rating: &r}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutReview(ctx, uid, member.Review{FilmSlug: "red-rocket-2021", Body: "Spliced *in*."}); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		_, got := get(t, h, p)
		_, want := get(t, w, p)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: spliced page differs from a whole rendering (-whole +spliced):\n%s", p, diff)
		}
		if !strings.Contains(got, "Spliced <em>in</em>.") || !strings.Contains(got, "mean of 1 member rating") {
			t.Errorf("%s: the new review and rating are not on the page", p)
		}
	}
	if splices != len(pages) {
		t.Errorf("%d splices, want %d (one per cached page)", splices, len(pages))
	}
	// Served again: the spliced page is the cached one now.
	get(t, h, pages[0])
	if splices != len(pages) {
		t.Errorf("a current spliced page was spliced again (%d splices)", splices)
	}
	f, err := st.GetFilm(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	f.Title = "Red Rocket Redux"
	if err := st.PutFilm(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, h, pages[0]); !strings.Contains(body, "Red Rocket Redux") || splices != len(pages) {
		t.Errorf("after a catalog write: title shown %v, %d splices (want the whole page rendered)", strings.Contains(body, "Red Rocket Redux"), splices)
	}
}

// The refresher's new similar list of a film reaches its cached page
// (rendered whole: the list lies outside the members' block) without
// emptying the cache: another film's page stays the one cached.
func TestRefreshedSimilarListRendersOnlyItsFilm(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	if _, err := recommend.Rebuild(ctx, st, recommend.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, discardLog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.cache == nil || s.cache.stamp == nil {
		t.Skip("no stamped page cache on this engine")
	}
	h := s.Handler()
	red, other := "/films/red-rocket-2021", "/films/tangerine-2015"
	moreLike := func(body string) string {
		i := strings.Index(body, `<h2 id="more-like-this">`)
		if i < 0 {
			return ""
		}
		block := body[i:]
		return block[:strings.Index(block, "</section>")]
	}
	if _, body := get(t, h, red); !strings.Contains(moreLike(body), `href="/films/anora-2024"`) {
		t.Fatalf("Anora is not like Red Rocket before the refresh:\n%s", moreLike(body))
	}
	get(t, h, other)
	cached := func(path string) *cachedPage {
		s.cache.mu.RLock()
		defer s.cache.mu.RUnlock()
		for k, p := range s.cache.pages {
			if strings.HasSuffix(k, " "+path) {
				return p
			}
		}
		return nil
	}
	before := cached(other)
	if before == nil {
		t.Fatal("the other film's page was not cached")
	}
	// A member's rating gives Red Rocket a stamp row, as the refresher's
	// films always have.
	if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ('ana', 1)"); err != nil {
		t.Fatal(err)
	}
	uid, _ := st.MemberID(ctx, "ana")
	r := member.Rating(9)
	if err := st.SetFilmLog(ctx, uid, "red-rocket-2021", store.FilmLogChange{Rating: &r}); err != nil {
		t.Fatal(err)
	}
	redFilm, err := st.GetFilm(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	takeOut, err := st.GetFilm(ctx, "take-out-2004")
	if err != nil {
		t.Fatal(err)
	}
	// The refreshed list: Take Out alone.
	lists := map[int64][]store.SimilarRow{redFilm.ID: {{OtherID: takeOut.ID, Score: 0.9, Content: 0.5, Collab: 0.5, Reasons: []string{"rated alike"}}}}
	if err := st.ReplaceSimilar(ctx, lists, false); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, h, red); !strings.Contains(moreLike(body), `href="/films/take-out-2004"`) || strings.Contains(moreLike(body), `href="/films/anora-2024"`) {
		t.Errorf("Red Rocket's page does not show the refreshed list (Take Out alone):\n%s", moreLike(body))
	}
	get(t, h, other)
	if after := cached(other); after != before {
		t.Error("the other film's cached page was replaced: the refresh emptied the cache")
	}
}
