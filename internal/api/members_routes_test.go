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

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"marquee/internal/auth"
	"marquee/internal/demo"
	"marquee/internal/search"
	"marquee/internal/store"
)

func init() {
	// The validator reads a ZIP answer as the binary string the document
	// declares; kin-openapi knows no decoder for application/zip itself.
	openapi3filter.RegisterBodyDecoder("application/zip", openapi3filter.FileBodyDecoder)
}

// memberAPI is the API over the demo catalog with members signed in by
// write-scoped API keys; every response it sees is validated against
// openapi.json.
type memberAPI struct {
	t      *testing.T
	st     *store.Store
	h      http.Handler
	router routers.Router
	keys   map[string]string
	ids    map[string]int64
}

// newMemberAPI opens a fresh store (SQLite, or PostgreSQL under
// TestPostgres) with the demo catalog and the named accounts; a name
// starting with "ed" is an editor.
func newMemberAPI(t *testing.T, names ...string) *memberAPI {
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
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a := auth.New(st, auth.Options{Log: log, Refuse: func(w http.ResponseWriter, r *http.Request, status int, msg string) { WriteError(w, r, status, msg) }})
	_, router := loadSpec(t)
	m := &memberAPI{t: t, st: st, h: a.Middleware(New(st, search.New(st), log, Options{Auth: a}).Handler()), router: router,
		keys: map[string]string{}, ids: map[string]int64{}}
	for _, name := range names {
		role := "member"
		if strings.HasPrefix(name, "ed") {
			role = "editor"
		}
		u := &store.User{Username: name, PasswordHash: "x", Role: role}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		m.ids[name] = u.ID
		if m.keys[name], _, err = a.CreateAPIKey(ctx, u.ID, "test", "write"); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// send makes one request as who ("" is a visitor) and checks its status
// and, against openapi.json, its response.
func (m *memberAPI) send(who, method, path, ctype string, body []byte, want int) *httptest.ResponseRecorder {
	m.t.Helper()
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+m.keys[who])
	}
	rec := httptest.NewRecorder()
	m.h.ServeHTTP(rec, req)
	if rec.Code != want {
		m.t.Fatalf("%s %s as %q = %d, want %d: %.400s", method, path, who, rec.Code, want, rec.Body)
	}
	validate(m.t, m.router, req, rec)
	return rec
}

// json sends a JSON body (or none) and decodes the answer into out, when given.
func (m *memberAPI) json(who, method, path, body string, want int, out any) string {
	m.t.Helper()
	ctype := ""
	if body != "" {
		ctype = "application/json"
	}
	rec := m.send(who, method, path, ctype, []byte(body), want)
	if out != nil {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			m.t.Fatalf("%s %s: %v: %s", method, path, err, rec.Body)
		}
	}
	return rec.Body.String()
}

// wantError checks that a 4xx answer is the API's error naming what.
func wantError(t *testing.T, body string, names ...string) {
	t.Helper()
	var e Error
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" {
		t.Fatalf("not the API's error shape: %s", body)
	}
	for _, n := range names {
		if !strings.Contains(e.Error.Message, n) {
			t.Errorf("error %q does not name %q", e.Error.Message, n)
		}
	}
}

func jsonDecode(b []byte, v any) error { return json.Unmarshal(b, v) }
