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
	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/search"
	"marquee/internal/store"
	"marquee/internal/wiki"
)

// Server holds what the HTML handlers need.
type Server struct {
	store     *store.Store
	search    *search.Engine
	tmpl      *templates
	log       *slog.Logger
	baseURL   string
	hosts     hostSet // Host headers trusted for links when baseURL is empty
	apiServer *api.Server
	cache     *pageCache // nil: render every request
	// dossiers keeps rendered dossiers by revision (safe on any engine).
	dossiers dossierCache
	counts   listCounts // /films totals and facets per filter, under the catalog stamp
	auth     *auth.Service
	router   *auth.Router // the last router Handler built
	wiki     *wiki.Wiki
	gate     renderGate // bounds the renderings that hold read connections
}

// Options configures a Server.
type Options struct {
	Dev     bool           // reload templates from disk on each request
	BaseURL string         // public URL for canonical links, feeds and sitemaps; taken from the request when empty
	Search  *search.Engine // the search engine; search.New(store) when nil
	NoCache bool           // render every page on every request (implied by Dev)
	// TrustedHosts are the Host headers links may be built from when
	// BaseURL is empty ("name" any port, "name:port"); any other Host gets
	// a 421. Nil trusts every Host.
	TrustedHosts []string
	Auth         auth.Options // accounts and sessions; BaseURL, Refuse and Log are filled in
}

// cacheBytes bounds the rendered pages kept in memory. Their gzip copies,
// made on first demand, add about a quarter again. A film page of the
// 1 M-title catalog is about 10 KB and grows with its reviews: 128 MB holds
// a working set of 10,000 such pages (48 MB left 12–15 % of a 5,000-film
// sample rendered whole again).
const cacheBytes = 128 << 20

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
	srv := &Server{store: s, search: eng, tmpl: t, log: log, baseURL: base, hosts: newHostSet(opt.TrustedHosts), wiki: wiki.New(s)}
	if srv.hosts != nil && len(srv.hosts) == 0 {
		srv.hosts = hostSet{"localhost"}
	}
	ao := opt.Auth
	if ao.BaseURL == "" {
		ao.BaseURL = base
	}
	ao.Refuse, ao.Log = srv.refuse, log
	srv.auth = auth.New(s, ao)
	srv.apiServer = api.New(s, eng, log, api.Options{BaseURL: base, Auth: srv.auth})
	// The page cache's change watcher holds one read connection for good.
	srv.gate = newRenderGate(s.ReadConns())
	if !opt.Dev && !opt.NoCache {
		w, err := s.WatchChanges(context.Background())
		switch {
		case err == nil:
			srv.cache = newPageCache(w, cacheBytes)
			srv.cache.stamp = s.CacheStamp
			srv.cache.spliceBlock = srv.renderMembersBlock
			srv.gate = newRenderGate(s.ReadConns() - 1)
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
	mux := auth.NewRouter(s.auth)
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /films", s.handle(s.filmList))
	mux.Handle("GET /films/{slug}", s.handle(s.filmShow))
	mux.Handle("GET /films/{film}/characters/{slug}", s.handle(s.characterShow))
	mux.Handle("GET /people", s.handle(s.personList))
	mux.Handle("GET /people/{slug}", s.handle(s.personShow))
	mux.Handle("GET /characters", s.handle(s.characterList))
	mux.Handle("GET /places", s.handle(s.placeList))
	mux.Handle("GET /publications", s.handle(s.publicationList))
	mux.Handle("GET /compare", s.handle(s.compareIndex))
	mux.Handle("GET /themes", s.handle(s.themeIndex))
	mux.Handle("GET /themes/{slug}", s.handle(s.themeShow))
	mux.Route("POST /themes/{slug}/rename", auth.Editor, s.handle(s.themeRename))
	mux.Route("POST /themes/{slug}/merge", auth.Editor, s.handle(s.themeMerge))
	mux.Route("POST /themes/{slug}/split", auth.Editor, s.handle(s.themeSplit))
	mux.Handle("GET /places/{slug}", s.handle(s.placeShow))
	mux.Handle("GET /publications/{slug}", s.handle(s.publicationShow))
	mux.Handle("GET /browse", s.handle(s.browseIndex))
	mux.Handle("GET /compare/{a}/{b}", s.handle(s.compareShow))
	mux.Handle("GET /search", s.handle(s.searchShow))
	mux.Handle("GET /feed.atom", s.handle(s.feedShow))
	mux.Handle("GET /sitemap.xml", s.handle(s.sitemapIndex))
	mux.Handle("GET /sitemaps/{kind}/{file}", s.handle(s.sitemapShow))
	mux.Handle("GET /robots.txt", s.handle(s.robotsShow))
	mux.Handle("GET /images/{hash}/{file}", s.handle(s.imageShow))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))
	// Accounts (issue 12): every write declares its Rule; see auth.Router.
	mux.Route("GET /signup", auth.Public, s.handle(s.signupShow))
	mux.Route("POST /signup", auth.Public, s.handle(s.signupSave))
	mux.Route("GET /signin", auth.Public, s.handle(s.signinShow))
	mux.Route("POST /signin", auth.Public, s.handle(s.signinSave))
	mux.Route("POST /signout", auth.Member, s.handle(s.signoutSave))
	mux.Route("GET /reset/{token}", auth.Public, s.handle(s.resetShow))
	mux.Route("POST /reset/{token}", auth.Public, s.handle(s.resetSave))
	mux.Route("GET /settings", auth.Member, s.handle(s.settingsShow))
	mux.Route("POST /settings/profile", auth.Member, s.handle(s.settingsProfileSave))
	mux.Route("POST /settings/password", auth.Member, s.handle(s.settingsPasswordSave))
	mux.Route("POST /settings/delete", auth.Member, s.handle(s.settingsDeleteSave))
	mux.Route("GET /settings/sessions", auth.Member, s.handle(s.sessionsShow))
	mux.Route("POST /settings/sessions/{id}/revoke", auth.Own(s.sessionOwner, ""), s.handle(s.sessionsRevoke))
	mux.Route("GET /settings/apikeys", auth.Member, s.handle(s.apikeysShow))
	mux.Route("POST /settings/apikeys", auth.Member, s.handle(s.apikeysSave))
	mux.Route("POST /settings/apikeys/{id}/revoke", auth.Own(s.apikeyOwner, ""), s.handle(s.apikeysRevoke))
	mux.Route("GET /admin/users", auth.Admin, s.handle(s.adminUsersShow))
	mux.Route("POST /admin/users/{id}/role", auth.Admin, s.handle(s.adminUsersRole))
	mux.Route("POST /admin/users/{id}/disable", auth.Admin, s.handle(s.adminUsersDisable))
	mux.Route("POST /admin/signup", auth.Admin, s.handle(s.adminSignupSave))
	mux.Route("POST /admin/invites", auth.Admin, s.handle(s.adminInvitesSave))
	mux.Route("GET /admin/audit", auth.Admin, s.handle(s.adminAuditShow))
	// The wiki half (issue 14): dossier history and editing, theories, talk
	// pages, moderation. Protection and own-content rules beyond the role
	// are checked in the handlers and the store (a member cannot vote on
	// their own theory; a protected dossier takes editors or admins).
	mux.Handle("GET /films/{slug}/history", s.handle(s.historyShow))
	mux.Handle("GET /films/{slug}/diff", s.handle(s.diffShow))
	mux.Handle("GET /films/{slug}/edit", s.handle(s.editShow))
	mux.Route("POST /films/{slug}/edit", auth.Member, s.handle(s.editSave))
	mux.Route("POST /films/{slug}/revisions/{rev}/undo", auth.Member, s.handle(s.revisionUndo))
	mux.Route("POST /films/{slug}/rollback", auth.Editor, s.handle(s.rollbackSave))
	mux.Route("POST /films/{slug}/protect", auth.Admin, s.handle(s.protectSave))
	mux.Route("GET /films/{slug}/facts/edit", auth.Editor, s.handle(s.factsEditShow))
	mux.Route("POST /films/{slug}/facts/advisories", auth.Editor, s.handle(s.factsAdvisoriesSave))
	mux.Route("POST /films/{slug}/facts/awards", auth.Editor, s.handle(s.factsAwardsSave))
	mux.Handle("GET /films/{slug}/theories", s.handle(s.theoryList))
	mux.Route("POST /films/{slug}/theories", auth.Member, s.handle(s.theorySave))
	mux.Handle("GET /theories/{id}", s.handle(s.theoryShow))
	mux.Route("POST /theories/{id}/vote", auth.Member, s.handle(s.theoryVote))
	mux.Route("POST /theories/{id}/status", auth.Editor, s.handle(s.theoryStatus))
	mux.Route("POST /theories/{id}/hide", auth.Editor, s.handle(s.theoryHide))
	mux.Handle("GET /films/{slug}/talk", s.handle(s.talkShow))
	mux.Route("POST /films/{slug}/talk", auth.Member, s.handle(s.threadSave))
	mux.Handle("GET /threads/{id}", s.handle(s.threadShow))
	mux.Route("POST /threads/{id}/comments", auth.Member, s.handle(s.commentSave))
	mux.Route("POST /threads/{id}/follow", auth.Member, s.handle(s.threadFollow))
	mux.Handle("GET /comments/{id}", s.handle(s.commentShow))
	mux.Route("POST /comments/{id}/hide", auth.Editor, s.handle(s.commentHide))
	mux.Route("POST /reports", auth.Member, s.handle(s.reportSave))
	mux.Route("POST /reports/{id}/resolve", auth.Editor, s.handle(s.reportResolve))
	mux.Route("GET /moderation", auth.Editor, s.handle(s.moderationShow))
	mux.Handle("GET /recent-changes", s.handle(s.recentChangesShow))
	mux.Handle("GET /recent-changes.atom", s.handle(s.recentChangesFeed))
	// Members (issue 13): ratings, reviews, diary, lists, follows, import and export.
	mux.Route("POST /films/{slug}/rate", auth.Member, s.handle(s.filmRate))
	mux.Route("POST /films/{slug}/like", auth.Member, s.handle(s.filmLike))
	mux.Route("POST /films/{slug}/watchlist", auth.Member, s.handle(s.filmWatchlist))
	mux.Route("POST /films/{slug}/reviews", auth.Member, s.handle(s.filmReview))
	mux.Route("POST /films/{slug}/diary", auth.Member, s.handle(s.filmDiary))
	mux.Route("POST /films/{slug}/lists", auth.Member, s.handle(s.filmListAdd))
	mux.Route("POST /reviews/{id}/like", auth.Member, s.handle(s.reviewLike))
	mux.Route("POST /reviews/{id}/edit", auth.Own(s.contentOwner("review"), ""), s.handle(s.reviewUpdate))
	mux.Route("POST /reviews/{id}/delete", auth.Own(s.contentOwner("review"), ""), s.handle(s.reviewDelete))
	mux.Route("POST /reviews/{id}/hide", auth.Editor, s.handle(s.reviewHide))
	mux.Route("POST /diary/{id}/delete", auth.Own(s.contentOwner("diary"), ""), s.handle(s.diaryDelete))
	mux.Route("POST /lists/{id}/delete", auth.Own(s.contentOwner("list"), ""), s.handle(s.listDelete))
	mux.Route("POST /lists/{id}/settings", auth.Own(s.contentOwner("list"), ""), s.handle(s.listSettingsSave))
	mux.Handle("GET /members/{name}", s.handle(s.memberShow))
	mux.Handle("GET /members/{name}/diary", s.handle(s.memberDiary))
	mux.Handle("GET /members/{name}/lists/{slug}", s.handle(s.memberListShow))
	mux.Handle("GET /members/{name}/feed.atom", s.handle(s.memberFeed))
	mux.Route("POST /members/{name}/follow", auth.Member, s.handle(s.memberFollow))
	mux.Route("GET /following", auth.Member, s.handle(s.followingShow))
	mux.Route("GET /for-you", auth.Member, s.handle(s.forYouShow))
	mux.Route("GET /settings/films", auth.Member, s.handle(s.settingsMembersShow))
	mux.Route("POST /settings/privacy", auth.Member, s.handle(s.settingsPrivacySave))
	mux.Route("POST /settings/import", auth.Member, s.handle(s.settingsImportSave))
	mux.Route("GET /settings/export/letterboxd.zip", auth.Member, s.handle(s.settingsExportShow))
	mux.Route("POST /settings/import/{id}", auth.Own(s.contentOwner("pending"), ""), s.handle(s.settingsPendingSave))
	mux.Mount("/api/", s.apiServer.Router(), s.apiServer.Handler())
	mux.Handle("/", s.handle(func(w http.ResponseWriter, r *http.Request) error {
		return &film.NotFoundError{Entity: "page", Key: r.URL.Path}
	}))
	s.router = mux
	return s.securityHeaders(httpx.GuardWrites(s.trustedHosts(s.auth.Middleware(canonicalPaths(mux))), s.refuse, mux.Allows))
}

// Routes lists every route of the site and the API with its Rule, for
// the authorization table test.
func (s *Server) Routes() []auth.Route {
	if s.router == nil {
		s.Handler()
	}
	return s.router.Routes()
}

// Auth returns the accounts service the site enforces.
func (s *Server) Auth() *auth.Service { return s.auth }

// Guard wraps h (typically middleware around Handler, such as metrics) in
// the same refusal of hostile requests Handler applies, so they are
// refused before an outer ServeMux would clean and redirect them. Writes
// pass where Handler's routes declare them; call Handler first.
func (s *Server) Guard(h http.Handler) http.Handler {
	return s.securityHeaders(httpx.GuardWrites(h, s.refuse, func(r *http.Request) bool {
		return s.router != nil && s.router.Allows(r)
	}))
}

// securityHeaders sets the headers every response carries, refusals and
// error pages included: a CSP that allows no inline script and no
// framing, nosniff, a referrer policy, a permissions policy denying
// powerful features, and HSTS when the site is served over https.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
		h.Set("X-Frame-Options", "DENY")
		if s.auth.HTTPS() || r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
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
		_, signedIn := auth.UserFrom(r.Context())
		var gen uint64
		cached := s.cache != nil && !signedIn
		if cached {
			var p *cachedPage
			if p, gen, cached = s.cache.hit(r); p != nil {
				s.writePage(w, r, p)
				return
			}
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			// Writes wait for the writer, not for read connections.
			if err := s.gate.enter(r.Context()); err != nil {
				return // the client went away while waiting
			}
			defer s.gate.leave()
			r = renderRequest(r)
		}
		if cached {
			var p *cachedPage
			if p, r = s.cache.lookup(r, gen); p != nil {
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
	var throttled *auth.ThrottledError
	switch {
	case errors.As(err, &throttled):
		s.auth.WriteThrottled(w, r, throttled)
		return
	case errors.Is(err, film.ErrNotFound):
		// A film renamed since: its old slug answers 301 to the new one.
		if httpx.RedirectMoved(w, r, "/films/", s.store.FilmSlugRedirect) {
			return
		}
		status = http.StatusNotFound
	case errors.Is(err, store.ErrForbidden):
		status, msg = http.StatusForbidden, err.Error()
	case errors.Is(err, errBadRequest), errors.Is(err, search.ErrBadQuery):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, film.ErrConflict):
		status, msg = http.StatusConflict, formMessage(err)
	case formMessage(err) != "":
		var fe *film.ForbiddenError
		status, msg = http.StatusBadRequest, formMessage(err)
		if errors.As(err, &fe) {
			status = http.StatusForbidden
		}
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
	case http.StatusMisdirectedRequest:
		p.Title, p.Heading, p.Path = "Misdirected request", "Wrong host name", ""
	case http.StatusUnauthorized, http.StatusForbidden:
		p.Title, p.Heading = "Not allowed", "You can't do that"
	case http.StatusRequestEntityTooLarge, http.StatusTooManyRequests:
		p.Title, p.Heading = "Refused", "Not now"
	case http.StatusConflict:
		p.Title, p.Heading = "Already done", "That was already done"
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
