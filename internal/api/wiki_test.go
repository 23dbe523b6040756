package api

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"io"
	"log/slog"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/search"
	"marquee/internal/store"
)

// TestWikiResponsesMatchOpenAPI validates the theory, thread, revision,
// diff and recent-changes answers against openapi.json, over a catalog
// with a theory, nested comments and two revisions.
func TestWikiResponsesMatchOpenAPI(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	u := &store.User{Username: "ann", Role: "member"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	th := &film.Theory{FilmSlug: "red-rocket-2021", UserID: u.ID, Title: "The donut shop is a dream", Body: "*Look* at the light.", Spoiler: true}
	if err := st.CreateTheory(ctx, th); err != nil {
		t.Fatal(err)
	}
	c1, err := st.AddComment(ctx, th.ThreadID, 0, u.ID, "first")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddComment(ctx, th.ThreadID, c1, u.ID, "a reply"); err != nil {
		t.Fatal(err)
	}
	if err := st.HideComment(ctx, c1, true, "spam"); err != nil {
		t.Fatal(err)
	}
	cur, err := st.DossierRevisionAt(ctx, "red-rocket-2021", 0)
	if err != nil {
		t.Fatal(err)
	}
	d := *cur.Dossier
	d.Sections = append([]film.Section(nil), d.Sections...)
	d.Sections[0].Text += " An added sentence."
	if _, err := st.EditDossier(ctx, "red-rocket-2021", cur.Revision.Revision, &d, store.RevisionInput{Author: "ann", UserID: u.ID, Summary: "more"}); err != nil {
		t.Fatal(err)
	}
	rev := cur.Revision.Revision
	h := New(st, search.New(st), slog.New(slog.NewTextHandler(io.Discard, nil)), Options{}).Handler()
	_, router := loadSpec(t)
	tid, thread := itoa64(th.ID), itoa64(th.ThreadID)
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/api/v1/films/red-rocket-2021/theories", 200},
		{"/api/v1/films/red-rocket-2021/theories?sort=new&limit=1", 200},
		{"/api/v1/films/red-rocket-2021/theories?sort=best", 400},
		{"/api/v1/films/no-such-film/theories", 404},
		{"/api/v1/theories/" + tid, 200},
		{"/api/v1/theories/999999", 404},
		{"/api/v1/threads/" + thread, 200},
		{"/api/v1/films/red-rocket-2021/revisions", 200},
		{"/api/v1/films/tt5649144/revisions?limit=1", 200},
		{"/api/v1/films/red-rocket-2021/revisions/" + itoa64(int64(rev)), 200},
		{"/api/v1/films/red-rocket-2021/revisions/999", 404},
		{"/api/v1/films/red-rocket-2021/diff?from=" + itoa64(int64(rev)) + "&to=" + itoa64(int64(rev+1)), 200},
		{"/api/v1/films/red-rocket-2021/diff?from=1", 400},
		{"/api/v1/recent-changes", 200},
		{"/api/v1/recent-changes?kind=comment&film=red-rocket-2021", 200},
		{"/api/v1/recent-changes?kind=vote", 400},
	} {
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
	// The hidden comment's text does not leave the server; its reply stays.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/theories/"+tid, nil))
	var got TheoryDetail
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Comments) != 2 || got.Comments[0].Body != "" || !got.Comments[0].Hidden || got.Comments[1].Body != "a reply" || got.Comments[1].Depth != 1 {
		t.Errorf("comments: %+v", got.Comments)
	}
}
