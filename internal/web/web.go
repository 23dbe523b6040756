// Package web serves Marquee's HTML pages. Every route is listed in
// Handler; handlers live one per file as methods on *Server and return an
// error, which serveError turns into a status code and an error page.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"marquee/internal/film"
	"marquee/internal/store"
)

// Server holds what the HTML handlers need.
type Server struct {
	store *store.Store
	tmpl  *templates
	log   *slog.Logger
}

// Options configures a Server.
type Options struct {
	Dev bool // reload templates from disk on each request
}

// New returns a Server reading from s. Templates are parsed once here.
func New(s *store.Store, log *slog.Logger, opt Options) (*Server, error) {
	t, err := loadTemplates(opt.Dev)
	if err != nil {
		return nil, err
	}
	return &Server{store: s, tmpl: t, log: log}, nil
}

// Handler returns the HTTP handler with every route.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /films/{slug}", s.handle(s.filmShow))
	mux.Handle("GET /people/{slug}", s.handle(s.personShow))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	mux.Handle("/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return &film.NotFoundError{Entity: "page", Key: r.URL.Path}
	}))
	return mux
}

// handlerFunc is a handler that can fail.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc, mapping its error to a status and page.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, film.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, errBadRequest):
		status = http.StatusBadRequest
	case errors.Is(err, context.Canceled):
		return
	}
	if status == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	page := &errorPage{Base: s.base(r, "Error"), Status: status}
	switch status {
	case http.StatusNotFound:
		page.Title = "Not found"
		page.Message = "There is no page at this address. It may have moved, or the link may be mistyped."
	case http.StatusBadRequest:
		page.Title = "Bad request"
		page.Message = err.Error()
	default:
		page.Title = "Something went wrong"
		page.Message = "The server could not build this page. The error has been logged; try again in a moment."
	}
	s.render(w, r, status, "error", page)
}

var errBadRequest = errors.New("bad request")

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
