package web

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store"
)

// TestMemberWriteKeepsOtherPagesCached rates one film through another
// store handle (another serve process) and checks that only that film's
// page is rendered again: the other film's page and the home page stay the
// very pages already cached, while a catalog write still empties the cache.
func TestMemberWriteKeepsOtherPagesCached(t *testing.T) {
	st := newTestStore(t)
	ctx := context.Background()
	s, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{BaseURL: "https://films.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.cache == nil || s.cache.stamp == nil {
		t.Fatal("no stamped page cache on SQLite")
	}
	h := s.Handler()
	pages := []string{"/films/red-rocket-2021", "/films/tangerine-2015", "/"}
	for _, p := range pages {
		get(t, h, p)
	}
	cached := func(path string) *cachedPage {
		s.cache.mu.RLock()
		defer s.cache.mu.RUnlock()
		return s.cache.pages["example.com "+path]
	}
	if cached("/films/tangerine-2015") == nil {
		t.Fatal("tangerine-2015 was not cached")
	}
	before := map[string]*cachedPage{}
	for _, p := range pages {
		if before[p] = cached(p); before[p] == nil {
			t.Fatalf("%s was not cached", p)
		}
	}
	other, err := store.Open(ctx, strings.TrimPrefix(st.DSN(), "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.WriteDB().ExecContext(ctx, "INSERT INTO users (username, created_at) VALUES ('ana', 1)"); err != nil {
		t.Fatal(err)
	}
	uid, _ := other.MemberID(ctx, "ana")
	r := member.Rating(9)
	if err := other.SetFilmLog(ctx, uid, "red-rocket-2021", store.FilmLogChange{Rating: &r}); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, h, "/films/red-rocket-2021")
	if !strings.Contains(body, "mean of 1 member rating") {
		t.Error("the rated film's page does not show the new rating")
	}
	if cached("/films/red-rocket-2021") == before["/films/red-rocket-2021"] {
		t.Error("the rated film's page was not rendered again")
	}
	for _, p := range pages[1:] {
		get(t, h, p)
		if cached(p) != before[p] {
			t.Errorf("%s was rendered again after a rating of another film", p)
		}
	}
	// A catalog write (through Transact) moves the catalog stamp.
	f, err := other.GetFilm(ctx, "tangerine-2015")
	if err != nil {
		t.Fatal(err)
	}
	f.Title = "Tangerine Redux"
	if err := other.PutFilm(ctx, (*film.Film)(f)); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, h, "/films/tangerine-2015"); !strings.Contains(body, "Tangerine Redux") {
		t.Error("a catalog write did not reach the cached page")
	}
	get(t, h, "/")
	if cached("/") == before["/"] {
		t.Error("the home page survived a catalog write")
	}
}
