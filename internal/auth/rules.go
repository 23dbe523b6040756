package auth

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"marquee/internal/film"
)

// OwnerFunc returns the account that owns what a request acts on (a
// review, a session, an API key); film.ErrNotFound when there is none.
type OwnerFunc func(r *http.Request) (int64, error)

// Rule is what a route needs from its caller.
type Rule struct {
	// Role is the least role allowed; "" lets anyone in, anonymous
	// visitors included.
	Role Role
	// Owner, when set, makes the route act on someone's own content: the
	// caller must be its owner, or hold the role Others.
	Owner OwnerFunc
	// Others is the role that may act on content owned by someone else
	// (moderation); "" means nobody but the owner.
	Others Role
}

// Public lets anyone in. Writes that anonymous visitors make (sign in,
// sign up) declare it explicitly.
var Public = Rule{}

// IsPublic reports whether the rule lets anyone in.
func (r Rule) IsPublic() bool { return r.Role == "" && r.Owner == nil }

// Member, Editor and Admin need that role at least.
var (
	Member = Rule{Role: RoleMember}
	Editor = Rule{Role: RoleEditor}
	Admin  = Rule{Role: RoleAdmin}
)

// Own returns a rule for a member's own content, owned per owner, which
// accounts holding others (when not "") may also act on.
func Own(owner OwnerFunc, others Role) Rule {
	return Rule{Role: RoleMember, Owner: owner, Others: others}
}

// Route is one route as declared.
type Route struct {
	Pattern string // as given to ServeMux: "POST /settings/password"
	Rule    Rule
}

// Router is an http.ServeMux that records every route with its Rule and
// enforces it, so the site's authorization lives in one list.
type Router struct {
	mux    *http.ServeMux
	auth   *Service
	routes []Route
	subs   map[string]*Router
}

// NewRouter returns an empty Router enforcing rules with a (which may be
// nil while every route is Public).
func NewRouter(a *Service) *Router {
	return &Router{mux: http.NewServeMux(), auth: a, subs: map[string]*Router{}}
}

// Handle adds a public read route. A pattern for a state-changing method
// must go through Route with its Rule; Handle panics on one.
func (rt *Router) Handle(pattern string, h http.Handler) {
	if m, _, ok := strings.Cut(pattern, " "); ok && Unsafe(m) {
		panic(fmt.Sprintf("auth: write route %q needs a Rule: use Route", pattern))
	}
	rt.routes = append(rt.routes, Route{Pattern: pattern, Rule: Public})
	rt.mux.Handle(pattern, h)
}

// HandleFunc is Handle for a function.
func (rt *Router) HandleFunc(pattern string, h http.HandlerFunc) { rt.Handle(pattern, h) }

// Route adds a route that needs rule; the rule is checked before h runs.
func (rt *Router) Route(pattern string, rule Rule, h http.Handler) {
	if rt.auth == nil && !rule.IsPublic() {
		panic(fmt.Sprintf("auth: route %q has a Rule but the Router has no Service", pattern))
	}
	rt.routes = append(rt.routes, Route{Pattern: pattern, Rule: rule})
	rt.mux.Handle(pattern, rt.enforce(rule, h))
}

// Mount serves every request matching pattern (such as "/api/") with sub,
// whose routes join this router's list.
func (rt *Router) Mount(pattern string, sub *Router, h http.Handler) {
	rt.subs[pattern] = sub
	rt.mux.Handle(pattern, h)
}

// Routes lists every route, mounted routers' included, in declaration
// order.
func (rt *Router) Routes() []Route {
	var out []Route
	for _, r := range rt.routes {
		out = append(out, r)
	}
	for _, sub := range rt.subs {
		out = append(out, sub.Routes()...)
	}
	return out
}

// Allows reports whether a route is declared for r's method and path, so
// a guard can refuse writes to paths that take none (405).
func (rt *Router) Allows(r *http.Request) bool {
	_, pat := rt.mux.Handler(r)
	if sub, ok := rt.subs[pat]; ok {
		return sub.Allows(r)
	}
	m, _, ok := strings.Cut(pat, " ")
	if !ok {
		return !Unsafe(r.Method)
	}
	return m == r.Method || m == http.MethodGet && r.Method == http.MethodHead
}

// ServeHTTP dispatches r.
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) { rt.mux.ServeHTTP(w, r) }

// enforce wraps h so that rule is checked first: 401 (or, for a page, a
// redirect to sign in) for anonymous callers, 403 for a role too low or
// someone else's content, 404 when the content does not exist.
func (rt *Router) enforce(rule Rule, h http.Handler) http.Handler {
	a := rt.auth
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := callerFrom(r.Context())
		if c != nil && c.audit != nil && c.audit.action == "" {
			c.audit.action = r.Pattern
		}
		if rule.IsPublic() {
			h.ServeHTTP(w, r)
			return
		}
		if c == nil || c.user == nil {
			if !Unsafe(r.Method) && !strings.HasPrefix(r.URL.Path, "/api/") {
				http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			a.refuse(w, r, http.StatusUnauthorized, "Sign in to do this.")
			return
		}
		if !c.user.Role.AtLeast(rule.Role) {
			a.refuse(w, r, http.StatusForbidden, "Your account is not allowed to do this.")
			return
		}
		if rule.Owner != nil {
			owner, err := rule.Owner(r)
			switch {
			case errors.Is(err, film.ErrNotFound):
				a.refuse(w, r, http.StatusNotFound, "There is nothing here.")
				return
			case err != nil:
				a.opt.Log.Error("find owner", "path", r.URL.Path, "err", err)
				a.refuse(w, r, http.StatusInternalServerError, "")
				return
			}
			if owner != c.user.ID && (rule.Others == "" || !c.user.Role.AtLeast(rule.Others)) {
				a.refuse(w, r, http.StatusForbidden, "This belongs to someone else.")
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
