package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxPage bounds page numbers so OFFSET stays sane.
const maxPage = 20000

// pageSize is the number of films per list page.
const pageSize = 50

// intParam reads an optional integer query parameter in [lo, hi],
// returning def when it is absent and a *badRequest naming it otherwise.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &badRequest{Param: name, Reason: "must be a whole number, got " + strconv.Quote(clip(v))}
	}
	if n < lo || n > hi {
		return 0, &badRequest{Param: name, Reason: "must be between " + itoa(lo) + " and " + itoa(hi)}
	}
	return n, nil
}

// decadeParam reads "decade" as 1990 or 1990s.
func decadeParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("decade")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(v, "s"))
	if err != nil || n%10 != 0 || n < 1870 || n > 2100 {
		return 0, &badRequest{Param: "decade", Reason: "must be a decade such as 1990 or 1990s, got " + strconv.Quote(clip(v))}
	}
	return n, nil
}

// textParam reads an optional text parameter of at most max bytes.
func textParam(r *http.Request, name string, max int) (string, error) {
	v := r.URL.Query().Get(name)
	if len(v) > max {
		return "", &badRequest{Param: name, Reason: "is longer than " + itoa(max) + " bytes"}
	}
	if !utf8.ValidString(v) {
		return "", &badRequest{Param: name, Reason: "is not valid UTF-8"}
	}
	return strings.TrimSpace(v), nil
}

// clip shortens an echoed value so error pages stay small.
func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}

// withParam returns the request's path and query with name set to value
// (or removed when value is ""), and page reset unless name is "page".
func withParam(r *http.Request, name, value string) string {
	q := url.Values{}
	for k, vs := range r.URL.Query() {
		q[k] = vs
	}
	if name != "page" {
		q.Del("page")
	}
	if value == "" {
		q.Del(name)
	} else {
		q.Set(name, value)
	}
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}
