package web

import (
	"marquee/internal/httpx"
	"net/http"
	"net/url"
)

// maxPage bounds page numbers so OFFSET stays sane.
const maxPage = 20000

// pageSize is the number of films per list page.
const pageSize = 50

// The query-parameter readers are shared with the JSON API.
var (
	intParam    = httpx.IntParam
	decadeParam = httpx.DecadeParam
	textParam   = httpx.TextParam
	clip        = httpx.Clip
)

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
