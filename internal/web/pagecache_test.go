package web

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"marquee/internal/store"
)

// TestCacheSeesWrites renders a page, changes the film through another
// store handle on the same file (as another serve process or an import
// would), and checks the next request shows the change.
func TestCacheSeesWrites(t *testing.T) {
	h, st := newTestHandler(t)
	_, body := get(t, h, "/films/red-rocket-2021")
	if !strings.Contains(body, "<h1>Red Rocket") {
		t.Fatal("first render lacks the title")
	}
	_, again := get(t, h, "/films/red-rocket-2021")
	if again != body {
		t.Fatal("second request differs without any write")
	}
	other, err := store.Open(context.Background(), strings.TrimPrefix(st.DSN(), "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	f, err := other.GetFilm(context.Background(), "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	f.Title = "Red Rocket Redux"
	if err := other.PutFilm(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	_, after := get(t, h, "/films/red-rocket-2021")
	if !strings.Contains(after, "<h1>Red Rocket Redux") {
		t.Error("the page still shows the old title after another process changed it")
	}
}

func TestNoCacheOption(t *testing.T) {
	st := newTestStore(t)
	s, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.cache != nil {
		t.Error("NoCache set but the server caches")
	}
	s2, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.cache == nil {
		t.Error("SQLite store but no page cache")
	}
}

// TestDossierCacheSeesNewRevisions stores a new revision of the dossier
// through another handle, with the page cache off (as on PostgreSQL), and
// checks the page shows it.
func TestDossierCacheSeesNewRevisions(t *testing.T) {
	st := newTestStore(t)
	s, err := New(st, discardLog(), Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	if _, body := get(t, h, "/films/red-rocket-2021"); !strings.Contains(body, "Is Red Rocket based on a true story?") {
		t.Fatal("first render lacks the FAQ")
	}
	other, err := store.Open(context.Background(), strings.TrimPrefix(st.DSN(), "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	d := testDossier()
	d.FAQ[0].Question = "Is Red Rocket a true story at all?"
	if _, err := other.PutDossier(context.Background(), "red-rocket-2021", d, "test"); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, h, "/films/red-rocket-2021")
	if !strings.Contains(body, "Is Red Rocket a true story at all?") || strings.Contains(body, "based on a true story") {
		t.Error("the page still shows the old revision of the dossier")
	}
}
