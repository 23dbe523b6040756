// Package web serves Marquee's HTML pages and mounts the JSON API. Every
// route is listed in Handler; handlers live one per file as methods on
// *Server and return an error, which serveError turns into a status code
// and an error page.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"marquee/internal/api"
	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/search"
	"marquee/internal/store"
)

// Server holds what the HTML handlers need.
type Server struct {
	store   *store.Store
	search  *search.Engine
	tmpl    *templates
	log     *slog.Logger
	baseURL string
	api     http.Handler
	cache   *pageCache // nil: render every request
	// dossiers keeps rendered dossiers by revision (safe on any engine).
	dossiers dossierCache
}

// Options configures a Server.
type Options struct {
	Dev     bool           // reload templates from disk on each request
	BaseURL string         // public URL for canonical links, feeds and sitemaps; taken from the request when empty
	Search  *search.Engine // the search engine; search.New(store) when nil
	NoCache bool           // render every page on every request (implied by Dev)
}

// cacheBytes bounds the rendered pages kept in memory. Their gzip copies,
// made on first demand, add about a quarter again.
const cacheBytes = 48 << 20

// New returns a Server reading from s. Templates are parsed once here.
func New(s *store.Store, log *slog.Logger, opt Options) (*Server, error) {
	t, err := loadTemplates(opt.Dev)
	if err != nil {
		return nil, err
	}
	eng := opt.Search
	if eng == nil {
		eng = search.New(s)
	}
	base := strings.TrimRight(opt.BaseURL, "/")
	a := api.New(s, eng, log, api.Options{BaseURL: base})
	srv := &Server{store: s, search: eng, tmpl: t, log: log, baseURL: base, api: a.Handler()}
	if !opt.Dev && !opt.NoCache {
		w, err := s.WatchChanges(context.Background())
		switch {
		case err == nil:
			srv.cache = newPageCache(w, cacheBytes)
		case !errors.Is(err, store.ErrNoChangeWatch):
			return nil, err
		}
	}
	return srv, nil
}

// Close releases what the server holds open in the store.
func (s *Server) Close() error {
	if s.cache != nil {
		return s.cache.watch.Close()
	}
	return nil
}

// Handler returns the HTTP handler with every route, the API's included.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /films", s.handle(s.filmList))
	mux.Handle("GET /films/{slug}", s.handle(s.filmShow))
	mux.Handle("GET /films/{film}/characters/{slug}", s.handle(s.characterShow))
	mux.Handle("GET /people/{slug}", s.handle(s.personShow))
	mux.Handle("GET /themes", s.handle(s.themeIndex))
	mux.Handle("GET /themes/{slug}", s.handle(s.themeShow))
	mux.Handle("GET /places/{slug}", s.handle(s.placeShow))
	mux.Handle("GET /publications/{slug}", s.handle(s.publicationShow))
	mux.Handle("GET /browse", s.handle(s.browseIndex))
	mux.Handle("GET /compare/{a}/{b}", s.handle(s.compareShow))
	mux.Handle("GET /search", s.handle(s.searchShow))
	mux.Handle("GET /feed.atom", s.handle(s.feedShow))
	mux.Handle("GET /sitemap.xml", s.handle(s.sitemapIndex))
	mux.Handle("GET /sitemaps/{kind}/{file}", s.handle(s.sitemapShow))
	mux.Handle("GET /robots.txt", s.handle(s.robotsShow))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	mux.Handle("/api/", s.api)
	mux.Handle("/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return &film.NotFoundError{Entity: "page", Key: r.URL.Path}
	}))
	return httpx.Guard(securityHeaders(mux), s.refuse)
}

// Guard wraps h (typically middleware around Handler, such as metrics) in
// the same refusal of hostile requests Handler applies, so they are
// refused before an outer ServeMux would clean and redirect them.
func (s *Server) Guard(h http.Handler) http.Handler { return httpx.Guard(h, s.refuse) }

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// refuse answers a request httpx.Guard turned away: JSON under /api/, an
// error page elsewhere.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		api.WriteError(w, r, status, msg)
		return
	}
	s.renderError(w, r, status, msg)
}

// handlerFunc is a handler that can fail.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc, mapping its error to a status and page.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cache != nil {
			var p *cachedPage
			if p, r = s.cache.lookup(r); p != nil {
				s.writePage(w, r, p)
				return
			}
		}
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

// badRequest is a client error naming what was wrong; it matches
// errBadRequest. The HTML and JSON sides share it through httpx.
type badRequest = httpx.ParamError

var errBadRequest = httpx.ErrBadRequest

func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	msg := ""
	switch {
	case errors.Is(err, film.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, errBadRequest), errors.Is(err, search.ErrBadQuery):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, context.Canceled):
		return
	}
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, status, msg)
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p := &errorPage{Base: s.newBase(r, "Error", ""), Status: status, Message: msg, Path: r.URL.Path}
	p.NoIndex = true
	p.Query = ""
	if !strings.HasPrefix(p.Path, "/") || len(p.Path) > 200 {
		p.Path = ""
	}
	switch status {
	case http.StatusNotFound:
		p.Title, p.Heading = "Not found", "We couldn't find that page"
		p.Query = guessQuery(r.URL.Path)
		if p.Query != "" && !strings.HasPrefix(r.URL.Path, "/static/") {
			// Best effort: a failing suggestion must not turn a 404 into a 500.
			p.Maybe, _ = s.search.Suggest(r.Context(), p.Query, 5)
		}
	case http.StatusBadRequest, http.StatusRequestURITooLong, http.StatusMethodNotAllowed:
		p.Title, p.Heading = "Bad request", "That address doesn't work"
	default:
		p.Title, p.Heading = "Something went wrong", "Something went wrong on our side"
		p.Message = "The server could not build this page. The error has been logged; please try again in a moment."
	}
	s.render(w, r, status, "error", p)
}

// guessQuery turns the last segment of a missing page's path into words
// for the error page's search box: /films/red-rockit → "red rockit".
func guessQuery(path string) string {
	i := strings.LastIndexByte(path, '/')
	seg := path[i+1:]
	if len(seg) > 80 {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(seg, "-", " "))
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(r.Context()); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}

// absURL is the absolute URL of path on this site.
func (s *Server) absURL(r *http.Request, path string) string {
	if s.baseURL != "" {
		return s.baseURL + path
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}
