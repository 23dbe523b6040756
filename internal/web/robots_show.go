package web

import (
	"net/http"
	"time"

	"marquee/internal/httpx"
)

var timeZero time.Time

// robotsShow serves robots.txt: everything but search results and the
// API may be crawled, and the sitemap says where everything is.
func (s *Server) robotsShow(w http.ResponseWriter, r *http.Request) error {
	body := "User-agent: *\nDisallow: /search\nDisallow: /api/\nDisallow: /compare/\n\nSitemap: " + s.absURL(r, "/sitemap.xml") + "\n"
	httpx.Write(w, r, http.StatusOK, "text/plain; charset=utf-8", []byte(body), timeZero)
	return nil
}
