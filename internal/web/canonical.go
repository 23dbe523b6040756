package web

import (
	"net/http"
	"strings"
)

// canonicalPaths redirects (301) the spellings of a page's address that
// people and other sites use to the one the site links to: a trailing
// slash (/films/red-rocket-2021/) and, on pages addressed by slugs,
// capitals (/films/RED-ROCKET-2021).
// The API, static files and feeds keep their paths as they are.
func canonicalPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && !strings.HasPrefix(p, "/api/") && !strings.HasPrefix(p, "/static/") {
			c := p
			if len(c) > 1 {
				c = strings.TrimRight(c, "/")
				if c == "" {
					c = "/"
				}
			}
			if hasUpper(c) && sluggedPath(c) {
				c = strings.ToLower(c)
			}
			if c != p {
				u := c
				if r.URL.RawQuery != "" {
					u += "?" + r.URL.RawQuery
				}
				http.Redirect(w, r, u, http.StatusMovedPermanently)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// sluggedPath reports whether p addresses a page by slugs, which are
// lower case, so capitals can be folded. Tokens (/reset/…), picture hashes
// and member names elsewhere keep their case.
func sluggedPath(p string) bool {
	p = strings.ToLower(p)
	for _, pre := range []string{"/films", "/people", "/themes", "/places", "/publications", "/characters", "/compare", "/browse"} {
		if p == pre || strings.HasPrefix(p, pre+"/") {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// imdbKey reports whether key is an IMDb id of the given prefix ("tt" for
// titles, "nm" for names).
func imdbKey(key, prefix string) bool {
	return strings.HasPrefix(key, prefix) && len(key) > len(prefix)+1 && strings.Trim(key[len(prefix):], "0123456789") == ""
}

// redirectTo answers a 301 to path, keeping the query.
func redirectTo(w http.ResponseWriter, r *http.Request, path string) {
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, path, http.StatusMovedPermanently)
}

// filmByIMDb redirects /films/tt… to the film's page; false when key is
// not an IMDb id or no film carries it.
func (s *Server) filmByIMDb(w http.ResponseWriter, r *http.Request, key string) (bool, error) {
	if !imdbKey(key, "tt") {
		return false, nil
	}
	f, err := s.store.FilmByIMDb(r.Context(), key)
	if err != nil {
		if isNotFound(err) {
			return false, nil
		}
		return false, err
	}
	redirectTo(w, r, "/films/"+f.Slug)
	return true, nil
}

// personByIMDb redirects /people/nm… to the person's page; false when key
// is not an IMDb id or no person carries it.
func (s *Server) personByIMDb(w http.ResponseWriter, r *http.Request, key string) (bool, error) {
	if !imdbKey(key, "nm") {
		return false, nil
	}
	p, err := s.store.PersonByIMDb(r.Context(), key)
	if err != nil {
		if isNotFound(err) {
			return false, nil
		}
		return false, err
	}
	redirectTo(w, r, "/people/"+p.Slug)
	return true, nil
}
