package httpx

import (
	"context"
	"net/http"
	"strings"
)

// RedirectMoved answers a request for a resource under prefix whose first
// path segment was renamed ("/films/{old}/history" when the film is now
// "/films/{new}"): lookup gives the new segment for the old one, or an
// error when it knows none. It redirects — 301 for GET and HEAD, 308 for
// other methods, which keeps the method and body — and reports true; it
// reports false, writing nothing, when the path is not under prefix or
// lookup fails.
func RedirectMoved(w http.ResponseWriter, r *http.Request, prefix string, lookup func(ctx context.Context, old string) (string, error)) bool {
	rest, ok := strings.CutPrefix(r.URL.Path, prefix)
	if !ok {
		return false
	}
	old, tail, _ := strings.Cut(rest, "/")
	if old == "" || len(old) > 200 {
		return false
	}
	cur, err := lookup(r.Context(), old)
	if err != nil || cur == "" || cur == old {
		return false
	}
	to := prefix + cur
	if tail != "" || strings.HasSuffix(rest, "/") {
		to += "/" + tail
	}
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	status := http.StatusMovedPermanently
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		status = http.StatusPermanentRedirect
	}
	http.Redirect(w, r, to, status)
	return true
}
