package httpx

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// MaxPathBytes is the longest request path served; longer ones get 414.
const MaxPathBytes = 2048

// Guard refuses requests no page could answer before they reach next:
// paths over MaxPathBytes (414), paths that are not valid UTF-8, contain
// control characters or a ".." segment (400), and methods other than GET
// and HEAD (405). The refusal is plain text; onRefuse, when not nil,
// writes it instead (the site renders an HTML page, the API a JSON error).
func Guard(next http.Handler, onRefuse func(w http.ResponseWriter, r *http.Request, status int, msg string)) http.Handler {
	return GuardWrites(next, onRefuse, nil)
}

// GuardWrites is Guard that lets through, besides GET and HEAD, the
// requests writable reports a write route for (nil: none).
func GuardWrites(next http.Handler, onRefuse func(w http.ResponseWriter, r *http.Request, status int, msg string), writable func(*http.Request) bool) http.Handler {
	if onRefuse == nil {
		onRefuse = func(w http.ResponseWriter, r *http.Request, status int, msg string) {
			http.Error(w, msg, status)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := r.URL.EscapedPath()
		if len(raw) > MaxPathBytes || len(r.URL.RawQuery) > MaxPathBytes {
			onRefuse(w, r, http.StatusRequestURITooLong, "The address is too long.")
			return
		}
		if msg := badPath(r.URL.Path); msg != "" {
			onRefuse(w, r, http.StatusBadRequest, msg)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && (writable == nil || !writable(r)) {
			w.Header().Set("Allow", "GET, HEAD")
			onRefuse(w, r, http.StatusMethodNotAllowed, "This address only accepts GET and HEAD.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func badPath(p string) string {
	if !utf8.ValidString(p) {
		return "The address is not valid UTF-8."
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return "The address contains control characters."
		}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "The address contains a dot segment."
		}
	}
	return ""
}
