package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

// TestSessionFixation: signing in always issues a new session id, and the
// id the browser held before (planted or real) stops working.
func TestSessionFixation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("mira", auth.RoleMember, goodPassword)
		c := s.client()
		u, _ := url.Parse(s.srv.URL)
		planted := "attacker-chosen-session-id-0123456789"
		c.http.Jar.SetCookies(u, []*http.Cookie{{Name: auth.SessionCookie, Value: planted, Path: "/"}})
		c.signIn("mira", goodPassword)
		first := c.cookie(auth.SessionCookie)
		if first == "" || first == planted {
			t.Fatalf("session cookie after sign-in = %q (planted %q)", first, planted)
		}
		// A second sign-in on the same browser rotates the id again, and
		// the first one no longer opens a session.
		c.signIn("mira", goodPassword)
		second := c.cookie(auth.SessionCookie)
		if second == first {
			t.Fatal("signing in again kept the session id")
		}
		old := s.client()
		old.http.Jar.SetCookies(u, []*http.Cookie{{Name: auth.SessionCookie, Value: first, Path: "/"}})
		if got := old.whoami(); got != "" {
			t.Errorf("the id from before the second sign-in still signs in as %q", got)
		}
		if got := c.whoami(); got != "mira" {
			t.Errorf("the new id signs in as %q", got)
		}
	})
}

// TestCookieFlags: HttpOnly, SameSite=Lax, Path=/, Secure under TLS or an
// https base URL; the id has at least 128 random bits and only its
// SHA-256 is stored.
func TestCookieFlags(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("mira", auth.RoleMember, goodPassword)
		c := s.client()
		res := c.signIn("mira", goodPassword)
		ck := findCookie(res, auth.SessionCookie)
		if ck == nil {
			t.Fatal("no session cookie set at sign-in")
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure {
			t.Errorf("cookie over plain http: HttpOnly %v SameSite %v Path %q Secure %v", ck.HttpOnly, ck.SameSite, ck.Path, ck.Secure)
		}
		raw, err := base64.RawURLEncoding.DecodeString(ck.Value)
		if err != nil || len(raw) < 16 {
			t.Errorf("session id %q: %d bytes of randomness (%v), want at least 16", ck.Value, len(raw), err)
		}
		sum := sha256.Sum256([]byte(ck.Value))
		var n int
		if err := s.st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM sessions WHERE token_hash = $1`, hex.EncodeToString(sum[:])).Scan(&n); err != nil || n != 1 {
			t.Errorf("sessions holding the id's SHA-256: %d (%v), want 1", n, err)
		}
		var leaked int
		s.st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM sessions WHERE token_hash = $1 OR csrf = $1`, ck.Value).Scan(&leaked)
		if leaked != 0 {
			t.Error("the raw session id is stored in the database")
		}
	})
	t.Run("https", func(t *testing.T) {
		for name, mk := range map[string]func(t *testing.T) *authSite{
			"base-url": func(t *testing.T) *authSite {
				return newAuthSite(t, t.TempDir()+"/a.db", func(o *auth.Options) { o.BaseURL = "https://films.example.org" })
			},
			"tls": func(t *testing.T) *authSite {
				s := newAuthSite(t, t.TempDir()+"/b.db")
				s.srv.Close()
				s.srv = httptest.NewTLSServer(s.web.Handler())
				t.Cleanup(s.srv.Close)
				return s
			},
		} {
			t.Run(name, func(t *testing.T) {
				s := mk(t)
				s.addUser("mira", auth.RoleMember, goodPassword)
				c := s.client()
				c.http.Transport = s.srv.Client().Transport
				res := c.signIn("mira", goodPassword)
				ck := findCookie(res, auth.SessionCookie)
				if ck == nil || !ck.Secure || !ck.HttpOnly {
					t.Fatalf("session cookie under https: %+v", ck)
				}
				if hsts := res.Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
					t.Errorf("no HSTS under https: %q", hsts)
				}
			})
		}
	})
}

func findCookie(res *http.Response, name string) *http.Cookie {
	for _, ck := range res.Cookies() {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}

// TestExpiredAndRevokedSessions: past the idle or the absolute lifetime,
// or revoked from another browser, a session opens nothing.
func TestExpiredAndRevokedSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("mira", auth.RoleMember, goodPassword)

		idle := s.client()
		idle.signIn("mira", goodPassword)
		s.advance(7*24*time.Hour + time.Minute)
		if got := idle.whoami(); got != "" {
			t.Errorf("a session idle for over 7 days is still signed in as %q", got)
		}

		busy := s.client()
		busy.signIn("mira", goodPassword)
		for range 31 {
			s.advance(24 * time.Hour) // used every day: never idle
			busy.get("/settings")
		}
		if got := busy.whoami(); got != "" {
			t.Errorf("a session used daily for 31 days is still signed in as %q", got)
		}

		a, b := s.client(), s.client()
		a.signIn("mira", goodPassword)
		b.signIn("mira", goodPassword)
		_, body := a.get("/settings/sessions")
		id := ""
		for _, line := range strings.Split(body, "<tr>") {
			if strings.Contains(line, "/revoke") && !strings.Contains(line, "this browser") {
				id = between(line, "/settings/sessions/", "/revoke")
			}
		}
		if id == "" {
			t.Fatalf("no other session listed:\n%s", body)
		}
		if res, _ := a.post("/settings/sessions/"+id+"/revoke", "/settings", url.Values{}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke = %d", res.StatusCode)
		}
		if got := b.whoami(); got != "" {
			t.Errorf("a revoked session is still signed in as %q", got)
		}
		if got := a.whoami(); got != "mira" {
			t.Errorf("revoking another session signed this one out (%q)", got)
		}
	})
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	j := strings.Index(s, to)
	if j < 0 {
		return ""
	}
	return s[:j]
}

// TestDeletedAccount: a deleted account cannot sign in and its sessions
// and keys are gone, whichever way its content goes.
func TestDeletedAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		ctx := context.Background()
		for _, mode := range []string{"anonymise", "remove"} {
			name := "del-" + mode
			u := s.addUser(name, auth.RoleMember, goodPassword)
			key, _, err := s.web.Auth().CreateAPIKey(ctx, u.ID, "script", "read")
			if err != nil {
				t.Fatal(err)
			}
			other := s.client()
			other.signIn(name, goodPassword)
			c := s.client()
			c.signIn(name, goodPassword)
			res, body := c.post("/settings/delete", "/settings", url.Values{"content": {mode}, "password": {goodPassword}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s: delete = %d:\n%.400s", mode, res.StatusCode, body)
			}
			if got := other.whoami(); got != "" {
				t.Errorf("%s: the account's other session still signs in as %q", mode, got)
			}
			if res := s.client().signIn(name, goodPassword); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: signing in to a deleted account = %d, want 401", mode, res.StatusCode)
			}
			var n int
			s.st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE user_id = $1`, u.ID).Scan(&n)
			if n != 0 {
				t.Errorf("%s: %d sessions of the deleted account remain", mode, n)
			}
			req, _ := http.NewRequest("GET", s.srv.URL+"/api/v1/me", nil)
			req.Header.Set("Authorization", "Bearer "+key)
			if res, _ := s.client().do(req); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: the deleted account's API key = %d, want 401", mode, res.StatusCode)
			}
			var rows int
			s.st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE id = $1`, u.ID).Scan(&rows)
			if want := map[string]int{"anonymise": 1, "remove": 0}[mode]; rows != want {
				t.Errorf("%s: %d user rows left, want %d", mode, rows, want)
			}
		}
	})
}
