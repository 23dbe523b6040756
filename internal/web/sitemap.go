package web

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/httpx"
)

// sitemapChunk is how many ids each sitemap file covers; a sitemap may
// list at most 50,000 URLs.
const sitemapChunk = 40000

// sitemapIndex serves /sitemap.xml: the fixed pages and one sitemap per
// id range of films and of people.
func (s *Server) sitemapIndex(w http.ResponseWriter, r *http.Request) error {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	loc := func(path string) {
		b.WriteString("<sitemap><loc>")
		xml.EscapeText(&b, []byte(s.absURL(r, path)))
		b.WriteString("</loc></sitemap>\n")
	}
	loc("/sitemaps/pages/1.xml")
	for _, table := range []string{"films", "people"} {
		top, err := s.store.MaxID(r.Context(), table)
		if err != nil {
			return err
		}
		for n := int64(1); (n-1)*sitemapChunk < top; n++ {
			loc("/sitemaps/" + table + "/" + strconv.FormatInt(n, 10) + ".xml")
		}
	}
	b.WriteString("</sitemapindex>\n")
	httpx.Write(w, r, http.StatusOK, "application/xml; charset=utf-8", b.Bytes(), timeZero)
	return nil
}

// sitemapShow serves one sitemap file: /sitemaps/films/3.xml lists the
// films with ids in the third chunk.
func (s *Server) sitemapShow(w http.ResponseWriter, r *http.Request) error {
	kind := r.PathValue("kind")
	n, err := strconv.ParseInt(strings.TrimSuffix(r.PathValue("file"), ".xml"), 10, 64)
	if err != nil || n < 1 || !strings.HasSuffix(r.PathValue("file"), ".xml") {
		return &film.NotFoundError{Entity: "sitemap", Key: r.URL.Path}
	}
	var paths []string
	switch kind {
	case "pages":
		if n != 1 {
			return &film.NotFoundError{Entity: "sitemap", Key: r.URL.Path}
		}
		paths = []string{"/", "/browse", "/films"}
		themes, err := s.store.Themes(r.Context())
		if err != nil {
			return err
		}
		for _, t := range themes {
			paths = append(paths, "/themes/"+t.Value)
		}
	case "films", "people":
		slugs, err := s.store.SlugsInRange(r.Context(), kind, (n-1)*sitemapChunk, n*sitemapChunk)
		if err != nil {
			return err
		}
		if len(slugs) == 0 {
			return &film.NotFoundError{Entity: "sitemap", Key: r.URL.Path}
		}
		for _, sl := range slugs {
			paths = append(paths, "/"+kind+"/"+sl)
		}
	default:
		return &film.NotFoundError{Entity: "sitemap", Key: r.URL.Path}
	}
	var b bytes.Buffer
	b.Grow(len(paths) * 80)
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range paths {
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(s.absURL(r, p)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	httpx.Write(w, r, http.StatusOK, "application/xml; charset=utf-8", b.Bytes(), timeZero)
	return nil
}
