package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

const goodPassword = "violet-harbour-lantern"

func TestSignUpSignInSignOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		c := s.client()
		res, body := c.post("/signup", "/signup", url.Values{"username": {"Nadia"}, "display_name": {"Nadia K."}, "password": {goodPassword}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign up = %d; body:\n%.600s", res.StatusCode, body)
		}
		if got := c.whoami(); got != "nadia" {
			t.Fatalf("after sign-up signed in as %q, want nadia", got)
		}
		res, _ = c.post("/signout", "/settings", url.Values{})
		if res.StatusCode != http.StatusSeeOther || c.whoami() != "" {
			t.Fatalf("sign out = %d, still signed in as %q", res.StatusCode, c.whoami())
		}
		if res := c.signIn("NADIA", goodPassword); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign in = %d", res.StatusCode)
		}
		if got := c.whoami(); got != "nadia" {
			t.Fatalf("after sign-in signed in as %q", got)
		}
		if res := s.client().signIn("nadia", "wrong-password-123"); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("wrong password = %d, want 401", res.StatusCode)
		}
	})
}

func TestSignUpRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("taken", auth.RoleMember, goodPassword)
		for _, tt := range []struct {
			name, user, pw, want string
		}{
			{"short password", "ana", "short-pw1", "at least 10 characters"},
			{"common password", "ana", "qwertyuiop", "most common passwords"},
			{"username as password", "anabelle99", "anabelle99", "must not be the username"},
			{"taken username", "Taken", goodPassword, "username is taken"},
			{"bad username", "a b", goodPassword, "may hold only"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res, body := s.client().post("/signup", "/signup", url.Values{"username": {tt.user}, "password": {tt.pw}})
				if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, tt.want) {
					t.Errorf("status %d, body lacks %q:\n%.300s", res.StatusCode, tt.want, body)
				}
			})
		}
	})
}
