package cli

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"marquee/internal/store/storetest"
)

// signInAttempt posts the sign-in form of the site at base as a fresh
// browser and returns the status and Retry-After.
func signInAttempt(t *testing.T, base, user, pw string) (int, string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(base + "/signin")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF token on %s/signin", base)
	}
	form := url.Values{"csrf_token": {string(m[1])}, "username": {user}, "password": {pw}}
	res, err = c.Post(base+"/signin", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Retry-After")
}

// TestThrottleAcrossProcesses: failed sign-ins spread over two serve
// processes on one database count together, so the 11th is refused by
// either, and by a process started afterwards (a restart).
func TestThrottleAcrossProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db string) {
		if code, _, errOut := runIn(t, "orchid-telescope-42\n", "user", "add", "--db", db, "alice"); code != 0 {
			t.Fatalf("user add: %s", errOut)
		}
		a := startServe(t, db, "--no-demo")
		b := startServe(t, db, "--no-demo")
		for i := 0; i < 10; i++ {
			base := a
			if i%2 == 1 {
				base = b
			}
			if code, _ := signInAttempt(t, base, "alice", "not-the-password"); code != http.StatusUnauthorized {
				t.Fatalf("failure %d = %d, want 401", i+1, code)
			}
		}
		for name, base := range map[string]string{"A": a, "B": b} {
			if code, ra := signInAttempt(t, base, "alice", "orchid-telescope-42"); code != http.StatusTooManyRequests || ra == "" {
				t.Errorf("process %s, 11th attempt = %d (Retry-After %q), want 429", name, code, ra)
			}
		}
		c := startServe(t, db, "--no-demo")
		if code, _ := signInAttempt(t, c, "alice", "orchid-telescope-42"); code != http.StatusTooManyRequests {
			t.Errorf("a process started afterwards = %d, want 429", code)
		}
	})
}
