package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
	"marquee/internal/store"
)

// The pages of accounts, settings and administration (issue 12). Every
// one of them is per visitor (Base.Private): each carries a CSRF token.

type signupPage struct {
	Base
	Mode        auth.SignupMode
	Invite      string // the invite token from the link, carried in the form
	Username    string
	DisplayName string
	Error       *auth.FormError
}

type signinPage struct {
	Base
	Next     string
	Username string
	Error    string
}

type resetPage struct {
	Base
	Token    string
	Username string
	Error    string
}

type settingsPage struct {
	Base
	Notice string
	Error  *auth.FormError
}

type sessionsPage struct {
	Base
	Sessions []sessionRow
	Notice   string
}

type sessionRow struct {
	ID        int64
	Current   bool
	Created   string
	LastSeen  string
	Address   string
	UserAgent string
}

type apikeysPage struct {
	Base
	Keys   []apikeyRow
	NewKey string // shown once, right after creation
	Error  string
}

type apikeyRow struct {
	ID       int64
	Name     string
	Prefix   string
	Scope    string
	Created  string
	LastUsed string
}

type adminUsersPage struct {
	Base
	Users      []adminUserRow
	Roles      []auth.Role
	Mode       auth.SignupMode
	InviteLink string // shown once, right after creation
	Notice     string
}

type adminUserRow struct {
	ID          int64
	Username    string
	DisplayName string
	Role        string
	Disabled    bool
	Created     string
	Self        bool
}

type adminAuditPage struct {
	Base
	Entries []auditRow
	Older   int64 // id to page back from; 0 at the end
}

type auditRow struct {
	store.AuditEntry
	When string
}

// privateBase is newBase for a per-visitor page with a form.
func (s *Server) privateBase(r *http.Request, title string) Base {
	b := s.newBase(r, title, "")
	b.CSRF = auth.CSRFToken(r.Context())
	b.Private, b.NoIndex = true, true
	return b
}

// stamp formats a Unix time for the account pages; "never" for 0.
func stamp(t int64) string {
	if t == 0 {
		return "never"
	}
	return time.Unix(t, 0).UTC().Format("2 Jan 2006 15:04 UTC")
}

// pathID parses the {id} of a route; a malformed one is not found.
func pathID(r *http.Request) (int64, error) {
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, &film.NotFoundError{Entity: "item", Key: raw}
	}
	return id, nil
}

// safeNext keeps a post-sign-in redirect on this site: a path, never a
// scheme-relative or absolute URL.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/"
	}
	return next
}

// signedIn returns the caller; routes whose Rule needs a member are only
// reached with one.
func signedIn(r *http.Request) *auth.User {
	u, _ := auth.UserFrom(r.Context())
	return u
}

// formError returns err as a *auth.FormError, or nil when it is another
// kind of error.
func formError(err error) *auth.FormError {
	var fe *auth.FormError
	if errors.As(err, &fe) {
		return fe
	}
	return nil
}

func (s *Server) sessionOwner(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	return s.store.SessionOwner(r.Context(), id)
}

func (s *Server) apikeyOwner(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	return s.store.APIKeyOwner(r.Context(), id)
}
