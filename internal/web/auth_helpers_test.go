package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"marquee/internal/auth"
	"marquee/internal/store"
)

// cheapParams keep argon2id fast in tests; the cost parameters are not
// what is under test (TestPasswordRehash changes them on purpose).
var cheapParams = auth.Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}

// authSite is a running site over a fresh database, with a clock the test
// can move.
type authSite struct {
	t     *testing.T
	st    *store.Store
	web   *Server
	srv   *httptest.Server
	clock atomic.Int64 // Unix nanoseconds
}

func newAuthSite(t *testing.T, dsn string, opt ...func(*auth.Options)) *authSite {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := &authSite{t: t, st: st}
	s.clock.Store(time.Now().UnixNano())
	ao := auth.Options{Params: cheapParams, Now: func() time.Time { return time.Unix(0, s.clock.Load()) }}
	for _, f := range opt {
		f(&ao)
	}
	s.web, err = New(st, discardLog(), Options{NoCache: true, Auth: ao})
	if err != nil {
		t.Fatal(err)
	}
	s.srv = httptest.NewServer(s.web.Handler())
	t.Cleanup(s.srv.Close)
	if err := s.web.Auth().SetSignupMode(context.Background(), auth.SignupOpen); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *authSite) advance(d time.Duration) { s.clock.Add(int64(d)) }

// addUser creates an account directly in the store.
func (s *authSite) addUser(name string, role auth.Role, pw string) *store.User {
	s.t.Helper()
	h, err := auth.HashPassword(pw, cheapParams)
	if err != nil {
		s.t.Fatal(err)
	}
	u := &store.User{Username: name, PasswordHash: h, Role: string(role)}
	if err := s.st.CreateUser(context.Background(), u); err != nil {
		s.t.Fatal(err)
	}
	return u
}

// client is one browser: a cookie jar, redirects not followed.
type client struct {
	t    *testing.T
	s    *authSite
	http *http.Client
}

func (s *authSite) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: s.t, s: s, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.s.srv.URL+path, nil)
	return c.do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// token returns the CSRF token a form on page carries.
func (c *client) token(page string) string {
	c.t.Helper()
	_, body := c.get(page)
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatalf("no CSRF token on %s", page)
	}
	return m[1]
}

// postRaw posts form as is, with extra headers as name/value pairs.
func (c *client) postRaw(path string, form url.Values, header ...string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.s.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return c.do(req)
}

// post posts form with the token of the page tokenFrom.
func (c *client) post(path, tokenFrom string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	form.Set(auth.CSRFField, c.token(tokenFrom))
	return c.postRaw(path, form)
}

func (c *client) signIn(name, pw string) *http.Response {
	c.t.Helper()
	res, _ := c.post("/signin", "/signin", url.Values{"username": {name}, "password": {pw}})
	return res
}

// cookie returns the value of the client's cookie name ("" if none).
func (c *client) cookie(name string) string {
	u, _ := url.Parse(c.s.srv.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// whoami returns the username the header shows as signed in, or "".
func (c *client) whoami() string {
	c.t.Helper()
	_, body := c.get("/settings")
	m := regexp.MustCompile(`Signed in as <strong>([^<]+)</strong>`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}
