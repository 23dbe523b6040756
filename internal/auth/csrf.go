package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// CSRFField is the form field that carries the CSRF token.
const CSRFField = "csrf_token"

// CSRFHeader is the header that carries the CSRF token for scripts.
const CSRFHeader = "X-CSRF-Token"

// csrfCookie holds the CSRF token of a visitor who is not signed in, for
// the sign-in, sign-up and reset forms (a double-submit token: the form
// must repeat the cookie, which another site can neither read nor set).
const csrfCookie = "marquee_csrf"

// anonToken is an anonymous visitor's CSRF token, issued on first use.
type anonToken struct {
	w      http.ResponseWriter
	r      *http.Request
	a      *Service
	value  string // from the request's cookie, or issued
	issued bool
}

// CSRFToken returns the token the caller's forms must carry in CSRFField
// (or scripts in CSRFHeader): the session's token for a signed-in caller;
// for a visitor, a token set in a cookie on first use, so a page that
// calls it must not be shared between visitors (Base.Private). It is ""
// outside Middleware.
func CSRFToken(ctx context.Context) string {
	c := callerFrom(ctx)
	switch {
	case c == nil:
		return ""
	case c.session != nil:
		return c.session.CSRF
	case c.anon == nil:
		return ""
	}
	t := c.anon
	if t.value == "" {
		t.value = newToken()
	}
	if !t.issued {
		t.issued = true
		http.SetCookie(t.w, t.a.cookie(t.r, csrfCookie, t.value, 0))
	}
	return t.value
}

var errCSRF = errors.New("This form has expired or did not come from this site. Go back, reload the page and try again.")

// checkCSRF verifies the token of a state-changing request: the header
// or form field must equal the session's token (or, for a visitor, the
// cookie's), compared in constant time. Requests authenticated by an API
// key carry no ambient credential and need none.
func checkCSRF(r *http.Request, c *caller) error {
	if c.key != nil {
		return nil
	}
	want := ""
	switch {
	case c.session != nil:
		want = c.session.CSRF
	case c.anon != nil:
		want = c.anon.value
	}
	sent := r.Header.Get(CSRFHeader)
	if ct := r.Header.Get("Content-Type"); sent == "" && strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		if err := r.ParseForm(); err != nil {
			return err
		}
		sent = r.PostFormValue(CSRFField)
	} else if sent == "" && strings.HasPrefix(ct, "multipart/form-data") {
		if err := r.ParseMultipartForm(MaxBodyBytes); err != nil {
			return err
		}
		sent = r.PostFormValue(CSRFField)
	}
	if want == "" || sent == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(want)) != 1 {
		return errCSRF
	}
	return nil
}
