// Package auth is Marquee's accounts and the security of every write:
// passwords (argon2id), sessions kept in the database, CSRF tokens and
// cross-origin checks, API keys, throttling of sign-in, sign-up and reset,
// the role each route needs (Router, Rule) and the audit log.
//
// The contract other packages build on:
//
//   - Service.Middleware loads the caller (from the session cookie or an
//     "Authorization: Bearer" API key) into the request context, refuses
//     state-changing requests (POST, PUT, PATCH, DELETE) that fail the
//     CSRF or cross-origin checks with 403, bounds request bodies, and
//     writes an audit entry for every state-changing request that
//     succeeds (status below 400).
//   - UserFrom(ctx) returns the signed-in caller; CSRFToken(ctx) returns
//     the token a form must send in the field CSRFField (or a script in
//     the header CSRFHeader).
//   - Router records every route with the Rule it needs; Router.Route
//     wraps the handler so the Rule is enforced before it runs.
//   - Note(ctx, target, before, after) adds what changed to the audit
//     entry of the current write.
package auth

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"marquee/internal/store"
)

// Role is what an account may do. Each role includes the ones below it.
type Role string

// The roles, from least to most privileged.
const (
	RoleMember Role = "member"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

// Roles lists the roles from least to most privileged.
var Roles = []Role{RoleMember, RoleEditor, RoleAdmin}

func (r Role) rank() int {
	switch r {
	case RoleMember:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r includes every right of min. Any role is at
// least the empty role.
func (r Role) AtLeast(min Role) bool {
	return min == "" || (r.Valid() && min.Valid() && r.rank() >= min.rank())
}

// User is a signed-in account as handlers see it.
type User struct {
	ID          int64
	Username    string
	DisplayName string // falls back to Username in Name
	Role        Role
	CreatedAt   time.Time
}

// Name is what to show for the user.
func (u *User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

// IsAdmin reports whether u is an admin.
func (u *User) IsAdmin() bool { return u != nil && u.Role == RoleAdmin }

func userFromRow(u *store.User) *User {
	return &User{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: Role(u.Role), CreatedAt: time.Unix(u.CreatedAt, 0).UTC()}
}

// caller is what Middleware learns about a request, kept in its context.
type caller struct {
	user    *User
	session *store.Session // nil for API keys and anonymous callers
	key     *store.APIKey  // nil unless the request carried an API key
	token   string         // the raw session cookie value (to rotate it)
	anon    *anonToken     // the CSRF token of an anonymous visitor
	audit   *entry         // the audit entry of a state-changing request
	address string
}

type callerKey struct{}

func callerFrom(ctx context.Context) *caller {
	c, _ := ctx.Value(callerKey{}).(*caller)
	return c
}

// UserFrom returns the signed-in caller, if any.
func UserFrom(ctx context.Context) (*User, bool) {
	c := callerFrom(ctx)
	if c == nil || c.user == nil {
		return nil, false
	}
	return c.user, true
}

// SessionID returns the id (not the secret) of the caller's session, 0
// when the caller has none.
func SessionID(ctx context.Context) int64 {
	if c := callerFrom(ctx); c != nil && c.session != nil {
		return c.session.ID
	}
	return 0
}

// Address returns the caller's network address as Middleware recorded it.
func Address(ctx context.Context) string {
	if c := callerFrom(ctx); c != nil {
		return c.address
	}
	return ""
}

// Options configures a Service.
type Options struct {
	// BaseURL is the site's public URL; when it starts with https:// the
	// cookies are Secure and HSTS is sent.
	BaseURL string
	// Params are the argon2id parameters for new hashes; DefaultParams
	// when zero.
	Params Params
	// IdleLifetime and AbsoluteLifetime bound sessions (7 and 30 days when
	// zero).
	IdleLifetime, AbsoluteLifetime time.Duration
	// Refuse writes a refusal (401, 403, 413, 429); a plain text error
	// when nil. The site renders its error page, the API a JSON error.
	Refuse func(w http.ResponseWriter, r *http.Request, status int, msg string)
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	Log *slog.Logger
}

// Service holds what auth needs: the store, the password parameters and
// the lifetimes. It is safe for concurrent use.
type Service struct {
	store  *store.Store
	opt    Options
	https  bool
	origin *http.CrossOriginProtection

	dummyOnce sync.Once
	dummy     string // a hash verified for unknown usernames, so they take as long
}

// New returns a Service on st.
func New(st *store.Store, opt Options) *Service {
	if opt.Params == (Params{}) {
		opt.Params = DefaultParams
	}
	if opt.IdleLifetime == 0 {
		opt.IdleLifetime = 7 * 24 * time.Hour
	}
	if opt.AbsoluteLifetime == 0 {
		opt.AbsoluteLifetime = 30 * 24 * time.Hour
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Refuse == nil {
		opt.Refuse = func(w http.ResponseWriter, r *http.Request, status int, msg string) { http.Error(w, msg, status) }
	}
	a := &Service{store: st, opt: opt, https: strings.HasPrefix(opt.BaseURL, "https://")}
	a.origin = http.NewCrossOriginProtection()
	return a
}

// dummyHash is made on first use, under the current parameters.
func (a *Service) dummyHash() string {
	a.dummyOnce.Do(func() { a.dummy, _ = HashPassword("marquee-unknown-user", a.opt.Params) })
	return a.dummy
}

// Store returns the store the service writes to.
func (a *Service) Store() *store.Store { return a.store }

// HTTPS reports whether the site is served over https (per BaseURL).
func (a *Service) HTTPS() bool { return a.https }

func (a *Service) now() time.Time { return a.opt.Now() }

func (a *Service) refuse(w http.ResponseWriter, r *http.Request, status int, msg string) {
	a.opt.Refuse(w, r, status, msg)
}
