package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

// TestSignupModes: invite-only refuses sign-up without a link and spends
// a link once, giving its role; closed refuses even with one.
func TestSignupModes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		ctx := context.Background()
		a := s.web.Auth()
		if err := a.SetSignupMode(ctx, auth.SignupInvite); err != nil {
			t.Fatal(err)
		}
		form := func(user, invite string) url.Values {
			return url.Values{"username": {user}, "password": {goodPassword}, "invite": {invite}}
		}
		if res, _ := s.client().post("/signup", "/signin", form("noinvite", "")); res.StatusCode != http.StatusBadRequest {
			t.Errorf("invite-only without a link = %d, want 400", res.StatusCode)
		}
		tok, err := a.CreateInvite(ctx, "test", auth.RoleEditor, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if res, body := s.client().post("/signup", "/signup?invite="+tok, form("invited", tok)); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-up with the link = %d:\n%.300s", res.StatusCode, body)
		}
		if u, err := s.st.UserByName(ctx, "invited"); err != nil || u.Role != "editor" {
			t.Errorf("invited account = %+v, %v; want an editor", u, err)
		}
		if res, body := s.client().post("/signup", "/signin", form("second", tok)); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "already used") {
			t.Errorf("the link's second use = %d", res.StatusCode)
		}
		expired, _ := a.CreateInvite(ctx, "test", auth.RoleMember, time.Hour)
		s.advance(2 * time.Hour)
		if res, _ := s.client().post("/signup", "/signin", form("late", expired)); res.StatusCode != http.StatusBadRequest {
			t.Errorf("an expired link = %d, want 400", res.StatusCode)
		}
		if err := a.SetSignupMode(ctx, auth.SignupClosed); err != nil {
			t.Fatal(err)
		}
		fresh, _ := a.CreateInvite(ctx, "test", auth.RoleMember, time.Hour)
		if res, _ := s.client().post("/signup", "/signin", form("closed", fresh)); res.StatusCode != http.StatusBadRequest {
			t.Errorf("closed with a link = %d, want 400", res.StatusCode)
		}
		if n, _ := s.st.CountUsers(ctx); n != 1 {
			t.Errorf("%d accounts, want the one invited", n)
		}
	})
}

// TestPasswordChangeResetAndSignOutEverywhere: changing the password ends
// the other sessions and rotates this one; a reset link works once and
// ends every session; signing out everywhere ends them all.
func TestPasswordChangeResetAndSignOutEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		ctx := context.Background()
		u := s.addUser("mira", auth.RoleMember, goodPassword)
		a, b := s.client(), s.client()
		a.signIn("mira", goodPassword)
		b.signIn("mira", goodPassword)
		before := a.cookie(auth.SessionCookie)
		const second = "copper-meadow-falcon"
		if res, _ := a.post("/settings/password", "/settings", url.Values{"current": {"wrong-current-1"}, "password": {second}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("wrong current password = %d, want 400", res.StatusCode)
		}
		if res, _ := a.post("/settings/password", "/settings", url.Values{"current": {goodPassword}, "password": {second}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("change password = %d", res.StatusCode)
		}
		if a.whoami() != "mira" || a.cookie(auth.SessionCookie) == before {
			t.Error("the changing session was signed out or kept its id")
		}
		if b.whoami() != "" {
			t.Error("another session survived the password change")
		}
		if res := s.client().signIn("mira", second); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign in with the new password = %d", res.StatusCode)
		}

		tok, err := s.web.Auth().CreateReset(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		c := s.client()
		if res, body := c.get("/reset/" + tok); res.StatusCode != http.StatusOK || !strings.Contains(body, "mira") {
			t.Fatalf("reset page = %d", res.StatusCode)
		}
		const third = "amber-lighthouse-crane"
		if res, _ := c.post("/reset/"+tok, "/reset/"+tok, url.Values{"password": {third}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("reset = %d", res.StatusCode)
		}
		if a.whoami() != "" || c.whoami() != "mira" {
			t.Error("after a reset the old session lives or the resetting browser is not signed in")
		}
		if res, _ := s.client().get("/reset/" + tok); res.StatusCode != http.StatusNotFound {
			t.Errorf("a spent reset link = %d, want 404", res.StatusCode)
		}

		d := s.client()
		d.signIn("mira", third)
		if res, _ := c.post("/signout", "/settings", url.Values{"everywhere": {"1"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign out everywhere = %d", res.StatusCode)
		}
		if c.whoami() != "" || d.whoami() != "" {
			t.Error("a session survived signing out everywhere")
		}
	})
}

// TestPasswordRehash: a hash made under older parameters is replaced at
// the next sign-in by one under the current parameters.
func TestPasswordRehash(t *testing.T) {
	s := newAuthSite(t, t.TempDir()+"/r.db")
	old := auth.Params{Memory: 32, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	h, _ := auth.HashPassword(goodPassword, old)
	u := s.addUser("mira", auth.RoleMember, "placeholder-password")
	if err := s.st.SetUserPassword(context.Background(), u.ID, h); err != nil {
		t.Fatal(err)
	}
	if res := s.client().signIn("mira", goodPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in = %d", res.StatusCode)
	}
	got, _ := s.st.UserByName(context.Background(), "mira")
	if !strings.HasPrefix(got.PasswordHash, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("hash after sign-in %q, want one under the current parameters (m=64)", got.PasswordHash)
	}
	if res := s.client().signIn("mira", goodPassword); res.StatusCode != http.StatusSeeOther {
		t.Errorf("sign in with the rehashed password = %d", res.StatusCode)
	}
}
