package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

// TestCSRF: a form post without a token, with another session's token or
// from another origin is refused with 403 and changes nothing.
func TestCSRF(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		s.addUser("mira", auth.RoleMember, goodPassword)
		s.addUser("otto", auth.RoleMember, goodPassword)
		mira, otto := s.client(), s.client()
		mira.signIn("mira", goodPassword)
		otto.signIn("otto", goodPassword)
		good := mira.token("/settings")
		for _, tt := range []struct {
			name   string
			form   url.Values
			header []string
			want   int
		}{
			{"no token", url.Values{}, nil, http.StatusForbidden},
			{"another session's token", url.Values{auth.CSRFField: {otto.token("/settings")}}, nil, http.StatusForbidden},
			{"a token from a visitor cookie", url.Values{auth.CSRFField: {s.client().token("/signin")}}, nil, http.StatusForbidden},
			{"cross-origin with the right token", url.Values{auth.CSRFField: {good}}, []string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
			{"cross-origin, Origin only", url.Values{auth.CSRFField: {good}}, []string{"Origin", "https://evil.example"}, http.StatusForbidden},
			{"same origin, right token", url.Values{auth.CSRFField: {good}}, []string{"Origin", s.srv.URL, "Sec-Fetch-Site", "same-origin"}, http.StatusSeeOther},
		} {
			t.Run(tt.name, func(t *testing.T) {
				tt.form.Set("display_name", "Changed by "+tt.name)
				res, _ := mira.postRaw("/settings/profile", tt.form, tt.header...)
				if res.StatusCode != tt.want {
					t.Fatalf("status %d, want %d", res.StatusCode, tt.want)
				}
				u, err := s.st.UserByName(context.Background(), "mira")
				if err != nil {
					t.Fatal(err)
				}
				if changed := u.DisplayName == "Changed by "+tt.name; changed != (tt.want == http.StatusSeeOther) {
					t.Errorf("display name %q after a %d", u.DisplayName, res.StatusCode)
				}
			})
		}
		// A visitor's sign-in form needs its token too (login CSRF).
		if res, _ := s.client().postRaw("/signin", url.Values{"username": {"mira"}, "password": {goodPassword}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("sign-in without a token = %d, want 403", res.StatusCode)
		}
	})
}

// TestJSONWrites: a JSON write needs the session's token in X-CSRF-Token
// or a write-scoped API key; a read key, a revoked key or an unknown one
// are refused.
func TestJSONWrites(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		ctx := context.Background()
		u := s.addUser("mira", auth.RoleMember, goodPassword)
		c := s.client()
		c.signIn("mira", goodPassword)
		token := c.token("/settings")
		write, wk, err := s.web.Auth().CreateAPIKey(ctx, u.ID, "sync script", "write")
		if err != nil {
			t.Fatal(err)
		}
		read, _, err := s.web.Auth().CreateAPIKey(ctx, u.ID, "reader", "read")
		if err != nil {
			t.Fatal(err)
		}
		patch := func(cl *client, header ...string) int {
			req, _ := http.NewRequest("PATCH", s.srv.URL+"/api/v1/me", strings.NewReader(`{"display_name":"Mira"}`))
			req.Header.Set("Content-Type", "application/json")
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Set(header[i], header[i+1])
			}
			res, _ := cl.do(req)
			return res.StatusCode
		}
		for _, tt := range []struct {
			name   string
			cl     *client
			header []string
			want   int
		}{
			{"session without token", c, nil, http.StatusForbidden},
			{"session with token", c, []string{auth.CSRFHeader, token}, http.StatusOK},
			{"write key", s.client(), []string{"Authorization", "Bearer " + write}, http.StatusOK},
			{"read key", s.client(), []string{"Authorization", "Bearer " + read}, http.StatusForbidden},
			{"unknown key", s.client(), []string{"Authorization", "Bearer mq_" + strings.Repeat("x", 43)}, http.StatusUnauthorized},
			{"anonymous", s.client(), nil, http.StatusForbidden},
		} {
			if got := patch(tt.cl, tt.header...); got != tt.want {
				t.Errorf("%s: PATCH /api/v1/me = %d, want %d", tt.name, got, tt.want)
			}
		}
		if err := s.st.DeleteAPIKey(ctx, u.ID, wk.ID); err != nil {
			t.Fatal(err)
		}
		if got := patch(s.client(), "Authorization", "Bearer "+write); got != http.StatusUnauthorized {
			t.Errorf("revoked key: PATCH = %d, want 401", got)
		}
	})
}

// TestSecurityHeaders: every response carries them, the guard's
// refusals, error pages and the auth refusals included.
func TestSecurityHeaders(t *testing.T) {
	s := newAuthSite(t, t.TempDir()+"/h.db")
	s.addUser("mira", auth.RoleMember, goodPassword)
	c := s.client()
	send := func(method, path string, body string) *http.Response {
		req, _ := http.NewRequest(method, s.srv.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, _ := c.do(req)
		return res
	}
	cases := map[string]*http.Response{
		"200 page":              send("GET", "/signin", ""),
		"404 page":              send("GET", "/no/such/page", ""),
		"400 guard":             send("GET", "/films/a%00b", ""),
		"405 guard":             send("DELETE", "/films/x", ""),
		"414 guard":             send("GET", "/"+strings.Repeat("a", 3000), ""),
		"403 csrf":              send("POST", "/signin", "username=a&password=b"),
		"401 api":               send("GET", "/api/v1/me", ""),
		"303 redirect to login": send("GET", "/settings", ""),
		"413 body":              send("POST", "/signin", "x="+strings.Repeat("a", 2<<20)),
	}
	for name, res := range cases {
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s (%d): CSP %q", name, res.StatusCode, csp)
		}
		for _, k := range []string{"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
			if h.Get(k) == "" {
				t.Errorf("%s (%d): no %s", name, res.StatusCode, k)
			}
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS over plain http", name)
		}
	}
	if got := cases["413 body"].StatusCode; got != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MiB form = %d, want 413", got)
	}
}
