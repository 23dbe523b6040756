// Package api serves Marquee's JSON API under /api/v1. Every route is
// listed in Handler; handlers live one per file as methods on *Server and
// return an error, which serveError turns into a status code and a JSON
// error {"error": {"code": "...", "message": "..."}}. The OpenAPI
// document describing it all is embedded and served at
// /api/v1/openapi.json.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/search"
	"marquee/internal/store"
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the embedded OpenAPI 3 document.
func OpenAPI() []byte { return openAPI }

// Server holds what the API handlers need.
type Server struct {
	store   *store.Store
	search  *search.Engine
	log     *slog.Logger
	baseURL string
	auth    *auth.Service
	router  *auth.Router
}

// Options configures a Server.
type Options struct {
	BaseURL string        // public URL, for links in responses; relative links when empty
	Auth    *auth.Service // enforces the Rules of write routes; nil while every route is public
}

// New returns an API server over st and the search engine eng.
func New(st *store.Store, eng *search.Engine, log *slog.Logger, opt Options) *Server {
	a := opt.Auth
	if a == nil {
		// Standalone (tests, tools): the Rules still hold, and with no
		// Middleware in front every caller is anonymous.
		a = auth.New(st, auth.Options{BaseURL: opt.BaseURL, Log: log,
			Refuse: func(w http.ResponseWriter, r *http.Request, status int, msg string) { WriteError(w, r, status, msg) }})
	}
	return &Server{store: st, search: eng, log: log, baseURL: strings.TrimRight(opt.BaseURL, "/"), auth: a}
}

// Handler returns the handler for every /api/v1 route; anything else
// under /api/ is a JSON 404.
func (s *Server) Handler() http.Handler { return s.Router() }

// Router returns the routes with the Rule each needs (built once).
func (s *Server) Router() *auth.Router {
	if s.router == nil {
		s.router = s.routes()
	}
	return s.router
}

func (s *Server) routes() *auth.Router {
	mux := auth.NewRouter(s.auth)
	mux.Handle("GET /api/v1/films", s.handle(s.filmList))
	mux.Handle("GET /api/v1/films/{key}", s.handle(s.filmShow))
	mux.Handle("GET /api/v1/films/{slug}/similar", s.handle(s.filmSimilar))
	mux.Handle("GET /api/v1/users/{name}/recommendations", s.handle(s.userRecommendations))
	mux.Handle("GET /api/v1/people", s.handle(s.personList))
	mux.Handle("GET /api/v1/people/{slug}", s.handle(s.personShow))
	mux.Handle("GET /api/v1/search", s.handle(s.searchList))
	mux.Handle("GET /api/v1/suggest", s.handle(s.suggestList))
	mux.Handle("GET /api/v1/openapi.json", s.handle(s.openAPIShow))
	mux.Route("GET /api/v1/me", auth.Member, s.handle(s.meShow))
	mux.Route("PATCH /api/v1/me", auth.Member, s.handle(s.meSave))
	mux.Handle("GET /api/v1/films/{key}/theories", s.handle(s.theoryList))
	mux.Route("POST /api/v1/films/{key}/theories", auth.Member, s.handle(s.theorySave))
	mux.Handle("GET /api/v1/theories/{id}", s.handle(s.theoryShow))
	mux.Route("PUT /api/v1/theories/{id}/vote", auth.Member, s.handle(s.theoryVote))
	mux.Handle("GET /api/v1/threads/{id}", s.handle(s.threadShow))
	mux.Route("POST /api/v1/threads/{id}/comments", auth.Member, s.handle(s.commentSave))
	mux.Handle("GET /api/v1/films/{key}/revisions", s.handle(s.revisionList))
	mux.Handle("GET /api/v1/films/{key}/revisions/{rev}", s.handle(s.revisionShow))
	mux.Handle("GET /api/v1/films/{key}/diff", s.handle(s.diffShow))
	mux.Handle("GET /api/v1/recent-changes", s.handle(s.changeList))
	mux.Handle("GET /api/v1/films/{slug}/members", s.handle(s.filmMembersShow))
	mux.Route("PUT /api/v1/films/{slug}/rating", auth.Member, s.handle(s.filmRatingSave))
	mux.Route("POST /api/v1/films/{slug}/reviews", auth.Member, s.handle(s.filmReviewSave))
	mux.Route("POST /api/v1/films/{slug}/diary", auth.Member, s.handle(s.filmDiarySave))
	mux.Route("DELETE /api/v1/reviews/{id}", auth.Own(s.contentOwner("review"), ""), s.handle(s.reviewDelete))
	mux.Handle("GET /api/v1/members/{name}/diary", s.handle(s.memberDiaryList))
	mux.Route("PUT /api/v1/films/{slug}/watchlist", auth.Member, s.handle(s.filmWatchlistSave))
	mux.Route("PUT /api/v1/members/{name}/follow", auth.Member, s.handle(s.memberFollowSave))
	mux.Handle("GET /api/v1/members/{name}/lists", s.handle(s.memberListsList))
	mux.Handle("GET /api/v1/members/{name}", s.handle(s.memberShow))
	mux.Handle("GET /api/v1/members/{name}/followers", s.handle(s.memberFollowersList))
	mux.Handle("GET /api/v1/members/{name}/following", s.handle(s.memberFollowingList))
	mux.Handle("GET /api/v1/members/{name}/activity", s.handle(s.memberActivityList))
	mux.Handle("GET /api/v1/members/{name}/watchlist", s.handle(s.memberWatchlistList))
	mux.Handle("GET /api/v1/members/{name}/reviews", s.handle(s.memberReviewsList))
	mux.Handle("GET /api/v1/members/{name}/lists/{slug}", s.handle(s.memberListShow))
	mux.Route("GET /api/v1/me/feed", auth.Member, s.handle(s.meFeedShow))
	mux.Route("POST /api/v1/lists", auth.Member, s.handle(s.listSave))
	mux.Route("PATCH /api/v1/lists/{id}", auth.Own(s.contentOwner("list"), ""), s.handle(s.listUpdate))
	mux.Route("DELETE /api/v1/lists/{id}", auth.Own(s.contentOwner("list"), ""), s.handle(s.listDelete))
	mux.Route("POST /api/v1/lists/{id}/entries", auth.Own(s.contentOwner("list"), ""), s.handle(s.listEntrySave))
	mux.Route("PATCH /api/v1/lists/{id}/entries/{film}", auth.Own(s.contentOwner("list"), ""), s.handle(s.listEntryUpdate))
	mux.Route("DELETE /api/v1/lists/{id}/entries/{film}", auth.Own(s.contentOwner("list"), ""), s.handle(s.listEntryDelete))
	mux.Route("PATCH /api/v1/diary/{id}", auth.Own(s.contentOwner("diary"), ""), s.handle(s.diaryUpdate))
	mux.Route("DELETE /api/v1/diary/{id}", auth.Own(s.contentOwner("diary"), ""), s.handle(s.diaryDelete))
	mux.Route("PATCH /api/v1/reviews/{id}", auth.Own(s.contentOwner("review"), ""), s.handle(s.reviewUpdate))
	mux.Route("PUT /api/v1/reviews/{id}/like", auth.Member, s.handle(s.reviewLike))
	mux.Route("PUT /api/v1/reviews/{id}/hidden", auth.Editor, s.handle(s.reviewHide))
	mux.Route("GET /api/v1/me/privacy", auth.Member, s.handle(s.mePrivacyShow))
	mux.Route("PUT /api/v1/me/privacy", auth.Member, s.handle(s.mePrivacySave))
	mux.Route("GET /api/v1/me/pending", auth.Member, s.handle(s.mePendingList))
	mux.Route("PUT /api/v1/me/pending/{id}", auth.Own(s.contentOwner("pending"), ""), s.handle(s.mePendingSave))
	mux.Route("POST /api/v1/me/letterboxd", auth.Member, s.handle(s.meLetterboxdImport))
	mux.Route("GET /api/v1/me/letterboxd", auth.Member, s.handle(s.meLetterboxdExport))
	mux.Route("POST /api/v1/me/imdb/{kind}", auth.Member, s.handle(s.meIMDbImport))
	mux.Route("GET /api/v1/me/imdb/{kind}", auth.Member, s.handle(s.meIMDbExport))
	mux.Handle("/api/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return &film.NotFoundError{Entity: "endpoint", Key: r.URL.Path}
	}))
	return mux
}

type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

// paramError is a malformed query parameter; it answers 400 and names
// the parameter.
// paramError names the query parameter at fault; shared with the HTML side.
type paramError = httpx.ParamError

func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	var (
		pe        *paramError
		fe        *auth.FormError
		ve        *film.ValidationError
		forbidden *film.ForbiddenError
		big       *tooLarge
	)
	switch {
	case errors.As(err, &big):
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", big.Error())
	case errors.As(err, &fe):
		writeError(w, http.StatusBadRequest, "invalid", fe.Msg)
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, "bad_parameter", err.Error())
	case errors.Is(err, search.ErrBadQuery):
		writeError(w, http.StatusBadRequest, "bad_query", err.Error())
	case errors.Is(err, film.ErrNotFound) && httpx.RedirectMoved(w, r, "/api/v1/films/", s.store.FilmSlugRedirect):
		// A film renamed since: its old slug answers 301 to the new one.
	case errors.Is(err, film.ErrNotFound):
		// Only the innermost error: "film \"nope\" not found", not the
		// store's chain of operations around it.
		msg := "not found"
		var nf *film.NotFoundError
		if errors.As(err, &nf) {
			msg = nf.Error()
		}
		writeError(w, http.StatusNotFound, "not_found", msg)
	case errors.As(err, &ve):
		writeError(w, http.StatusBadRequest, "invalid", ve.Field+" "+ve.Reason)
	case errors.As(err, &forbidden):
		writeError(w, http.StatusForbidden, "forbidden", forbidden.Reason)
	case errors.Is(err, film.ErrConflict):
		writeError(w, http.StatusConflict, "conflict", "that was already done")
	case errors.Is(err, store.ErrForbidden):
		writeError(w, http.StatusForbidden, "forbidden", err.Error())
	case errors.Is(err, context.Canceled):
	default:
		s.log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "the server could not answer; the error has been logged")
	}
}

// Error is the body of every error response.
type Error struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody is a machine-readable code and a message for people.
type ErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	b, _ := json.Marshal(Error{Error: ErrorBody{Code: code, Message: msg}})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// WriteError answers with a JSON error for a request refused before it
// reached the API (bad path, wrong method), with a code derived from the
// status.
func WriteError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	code := "bad_request"
	switch status {
	case http.StatusRequestURITooLong:
		code = "uri_too_long"
	case http.StatusMethodNotAllowed:
		code = "method_not_allowed"
	case http.StatusNotFound:
		code = "not_found"
	case http.StatusUnauthorized:
		code = "unauthorized"
	case http.StatusForbidden:
		code = "forbidden"
	case http.StatusRequestEntityTooLarge:
		code = "too_large"
	case http.StatusTooManyRequests:
		code = "too_many_requests"
	case http.StatusInternalServerError:
		code, msg = "internal", "the server could not answer; the error has been logged"
	}
	writeError(w, status, code, msg)
}

// writeJSON encodes v in full, then answers with it and an ETag.
func writeJSON(w http.ResponseWriter, r *http.Request, v any, modified time.Time) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	httpx.Write(w, r, http.StatusOK, "application/json", append(b, '\n'), modified)
	return nil
}

func (s *Server) openAPIShow(w http.ResponseWriter, r *http.Request) error {
	httpx.Write(w, r, http.StatusOK, "application/json", openAPI, time.Time{})
	return nil
}
