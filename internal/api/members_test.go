package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/member"
	"marquee/internal/search"
	"marquee/internal/store"
)

// TestMemberWritesMatchOpenAPI rates, reviews, logs and deletes with API
// keys and validates every live response, errors included.
func TestMemberWritesMatchOpenAPI(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := auth.New(st, auth.Options{Log: log, Refuse: func(w http.ResponseWriter, r *http.Request, status int, msg string) { WriteError(w, r, status, msg) }})
	api := New(st, search.New(st), log, Options{Auth: a})
	h := a.Middleware(api.Handler())
	_, router := loadSpec(t)
	keys := map[string]string{}
	for _, name := range []string{"ana", "bo"} {
		u := &store.User{Username: name, PasswordHash: "x", Role: "member"}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if keys[name], _, err = a.CreateAPIKey(ctx, u.ID, "test", "write"); err != nil {
			t.Fatal(err)
		}
	}
	do := func(who, method, path, body string, want int) string {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if who != "" {
			req.Header.Set("Authorization", "Bearer "+keys[who])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Fatalf("%s %s = %d, want %d: %s", method, path, rec.Code, want, rec.Body)
		}
		validate(t, router, req, rec)
		return rec.Body.String()
	}
	const rr = "/api/v1/films/red-rocket-2021"
	for _, bad := range []string{`{"rating": 0}`, `{"rating": 5.5}`, `{"rating": 3.3}`, `{"rating": "NaN"}`, `{"stars": 4}`} {
		if body := do("ana", "PUT", rr+"/rating", bad, 400); !strings.Contains(body, "rating") && !strings.Contains(body, "stars") {
			t.Errorf("%s: error does not name the field: %s", bad, body)
		}
	}
	if body := do("ana", "PUT", rr+"/rating", `{"rating": 4.5, "liked": true}`, 200); !strings.Contains(body, `"count":1`) {
		t.Errorf("after rating: %s", body)
	}
	do("", "PUT", rr+"/rating", `{"rating": 4}`, 403) // no key, no CSRF token
	body := do("ana", "POST", rr+"/reviews", `{"body": "Mikey *again*.", "spoiler": true}`, 201)
	id := strings.TrimPrefix(strings.SplitN(body, ",", 2)[0], `{"id":`)
	do("ana", "POST", rr+"/reviews", `{"body": "`+strings.Repeat("x", 20001)+`"}`, 400)
	do("ana", "POST", rr+"/diary", `{"watched_on": "2024-06-01", "rating": 4.5, "rewatch": true, "tags": ["cinema"]}`, 201)
	do("ana", "POST", rr+"/diary", `{"watched_on": "2024-13-01"}`, 400)
	if body := do("", "GET", "/api/v1/members/ana/diary", "", 200); !strings.Contains(body, `"rewatch":true`) {
		t.Errorf("diary: %s", body)
	}
	do("bo", "DELETE", "/api/v1/reviews/"+id, "", 403)
	do("ana", "DELETE", "/api/v1/reviews/"+id, "", 204)
	do("ana", "DELETE", "/api/v1/reviews/"+id, "", 404)

	// Watchlist, follows and lists.
	do("ana", "PUT", rr+"/watchlist", `{"on": true}`, 204)
	do("ana", "PUT", rr+"/watchlist", `{}`, 400)
	do("ana", "PUT", "/api/v1/films/no-such-film/watchlist", `{"on": true}`, 404)
	uid, _ := st.MemberID(ctx, "ana")
	if wl, err := st.Watchlist(ctx, uid); err != nil || len(wl) != 1 || wl[0].FilmSlug != "red-rocket-2021" {
		t.Errorf("watchlist after PUT: %v, %v", wl, err)
	}
	do("ana", "PUT", rr+"/watchlist", `{"on": false}`, 204)
	if wl, _ := st.Watchlist(ctx, uid); len(wl) != 0 {
		t.Errorf("watchlist after taking the film off: %v", wl)
	}
	do("bo", "PUT", "/api/v1/members/ana/follow", `{"on": true}`, 204)
	do("bo", "PUT", "/api/v1/members/bo/follow", `{"on": true}`, 400)
	do("bo", "PUT", "/api/v1/members/nobody/follow", `{"on": true}`, 404)
	do("", "PUT", "/api/v1/members/ana/follow", `{"on": true}`, 403)
	bo, _ := st.MemberID(ctx, "bo")
	if ok, _ := st.Follows(ctx, bo, uid); !ok {
		t.Error("bo does not follow ana after PUT")
	}
	for _, l := range []member.List{{Name: "Open list", Public: true}, {Name: "Secret list"}} {
		if _, err := st.SaveList(ctx, uid, l); err != nil {
			t.Fatal(err)
		}
	}
	if body := do("", "GET", "/api/v1/members/ana/lists", "", 200); !strings.Contains(body, `"open-list"`) || strings.Contains(body, "secret") {
		t.Errorf("a visitor's view of ana's lists: %s", body)
	}
	if body := do("ana", "GET", "/api/v1/members/ana/lists", "", 200); !strings.Contains(body, `"secret-list"`) || !strings.Contains(body, `"public":false`) {
		t.Errorf("ana's own view of her lists: %s", body)
	}
	do("", "GET", "/api/v1/members/nobody/lists", "", 404)
	// A member's recommendations say what they rated: theirs alone.
	if body := do("ana", "GET", "/api/v1/users/ana/recommendations", "", 200); !strings.Contains(body, `"user":"ana"`) {
		t.Errorf("ana's own recommendations: %s", body)
	}
	do("bo", "GET", "/api/v1/users/ana/recommendations", "", 404)
	do("", "GET", "/api/v1/users/ana/recommendations", "", 404)
}
