package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

// TestBruteForce: ten failed sign-ins for an account within 15 minutes
// are answered 401; the 11th, even with the right password, is 429 with a
// Retry-After, and so is every attempt from a fresh site on the same
// database (a restart); after the window the right password works again.
func TestBruteForce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("mira", auth.RoleMember, goodPassword)
		for i := 1; i <= 10; i++ {
			if res := s.client().signIn("mira", fmt.Sprintf("wrong-guess-%02d", i)); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("failure %d = %d, want 401", i, res.StatusCode)
			}
		}
		res := s.client().signIn("mira", goodPassword)
		if res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("11th attempt = %d, want 429", res.StatusCode)
		}
		if ra, _ := strconv.Atoi(res.Header.Get("Retry-After")); ra < 800 || ra > 900 {
			t.Errorf("Retry-After = %q, want about 900 seconds", res.Header.Get("Retry-After"))
		}
		// Another account from the same address is not locked by this one.
		s.addUser("otto", auth.RoleMember, goodPassword)
		if res := s.client().signIn("otto", goodPassword); res.StatusCode != http.StatusSeeOther {
			t.Errorf("another account = %d, want 303", res.StatusCode)
		}
		// A restart: a new server on the same database still refuses.
		again := newAuthSite(t, dsn)
		again.clock.Store(s.clock.Load())
		if res := again.client().signIn("mira", goodPassword); res.StatusCode != http.StatusTooManyRequests {
			t.Errorf("after a restart = %d, want 429", res.StatusCode)
		}
		s.advance(15*time.Minute + time.Second)
		if res := s.client().signIn("mira", goodPassword); res.StatusCode != http.StatusSeeOther {
			t.Errorf("after the window = %d, want 303", res.StatusCode)
		}
	})
}

// TestThrottlePerAddress: 30 failures an hour from one address, spread
// over accounts, and the 31st attempt is refused whatever the account.
func TestThrottlePerAddress(t *testing.T) {
	s := newAuthSite(t, t.TempDir()+"/t.db")
	s.addUser("mira", auth.RoleMember, goodPassword)
	for i := 1; i <= 30; i++ {
		if res := s.client().signIn(fmt.Sprintf("nobody%02d", i), "wrong-guess-xx"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d, want 401", i, res.StatusCode)
		}
	}
	res := s.client().signIn("mira", goodPassword)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("31st attempt from one address = %d (Retry-After %q), want 429", res.StatusCode, res.Header.Get("Retry-After"))
	}
}

// TestSignupAndResetThrottled: the 11th sign-up or reset attempt in an
// hour from one address is refused.
func TestSignupAndResetThrottled(t *testing.T) {
	s := newAuthSite(t, t.TempDir()+"/s.db")
	for i := 1; i <= 10; i++ {
		res, _ := s.client().post("/signup", "/signup", url.Values{"username": {fmt.Sprintf("user%02d", i)}, "password": {goodPassword}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-up %d = %d", i, res.StatusCode)
		}
	}
	if res, _ := s.client().post("/signup", "/signup", url.Values{"username": {"user11"}, "password": {goodPassword}}); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("11th sign-up = %d, want 429", res.StatusCode)
	}
	for i := 1; i <= 10; i++ {
		if res, _ := s.client().post("/reset/no-such-token-abcdefghijklmnop", "/signin", url.Values{"password": {goodPassword}}); res.StatusCode != http.StatusNotFound {
			t.Fatalf("reset %d = %d, want 404", i, res.StatusCode)
		}
	}
	if res, _ := s.client().post("/reset/no-such-token-abcdefghijklmnop", "/signin", url.Values{"password": {goodPassword}}); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("11th reset = %d, want 429", res.StatusCode)
	}
}
