package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// MaxBodyBytes bounds the body of every state-changing request; uploads
// that need more set their own bound on their route.
const MaxBodyBytes = 1 << 20

// Unsafe reports whether method changes state (anything but GET, HEAD,
// OPTIONS and TRACE).
func Unsafe(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return false
	}
	return true
}

// Middleware identifies the caller and guards every write; see the
// package comment for the contract.
func (a *Service) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &caller{address: clientAddress(r)}
		c.anon = &anonToken{w: w, r: r, a: a}
		if ck, err := r.Cookie(csrfCookie); err == nil && plausibleToken(ck.Value) {
			c.anon.value = ck.Value
		}
		if h := r.Header.Get("Authorization"); h != "" {
			if status, msg := a.loadKey(r, c, h); status != 0 {
				a.refuse(w, r, status, msg)
				return
			}
		} else if err := a.loadSession(w, r, c); err != nil {
			a.opt.Log.Error("load session", "err", err)
			a.refuse(w, r, http.StatusInternalServerError, "")
			return
		}
		orig := r
		r = r.WithContext(context.WithValue(r.Context(), callerKey{}, c))
		// A ServeMux records the matched pattern on the request it routes;
		// hand it back to middleware outside (metrics label by it).
		defer func() { orig.Pattern = r.Pattern }()
		if !Unsafe(r.Method) {
			next.ServeHTTP(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		if c.key == nil {
			if err := a.origin.Check(r); err != nil {
				a.refuse(w, r, http.StatusForbidden, "This request came from another site and was refused.")
				return
			}
		} else if c.key.Scope != "write" {
			a.refuse(w, r, http.StatusForbidden, "This API key is read-only.")
			return
		}
		if err := checkCSRF(r, c); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				a.refuse(w, r, http.StatusRequestEntityTooLarge, "The request is too large.")
				return
			}
			a.refuse(w, r, http.StatusForbidden, errCSRF.Error())
			return
		}
		c.audit = &entry{at: a.now()}
		if c.user != nil {
			c.audit.userID, c.audit.username = c.user.ID, c.user.Username
		}
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		// A member write records the entry in its own transaction (one
		// commit, not two); any other write has it recorded here after.
		ctx, pending := store.WithPendingAudit(r.Context(), func() *store.AuditEntry { return a.auditRow(r, c) })
		r = r.WithContext(ctx)
		next.ServeHTTP(rec, r)
		if rec.status < 400 && !c.audit.skip && !pending.Written() {
			a.writeAudit(r, c)
		}
	})
}

// loadKey authenticates a request by its API key. It returns a status
// and message when the request must be refused.
func (a *Service) loadKey(r *http.Request, c *caller, header string) (int, string) {
	key, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || !plausibleToken(strings.TrimPrefix(key, keyPrefix)) {
		return http.StatusUnauthorized, "The Authorization header must be \"Bearer\" and an API key."
	}
	k, u, err := a.store.APIKeyByHash(r.Context(), hashToken(key))
	if errors.Is(err, film.ErrNotFound) {
		return http.StatusUnauthorized, "Unknown or revoked API key."
	}
	if err != nil {
		a.opt.Log.Error("load api key", "err", err)
		return http.StatusInternalServerError, ""
	}
	c.user, c.key = userFromRow(u), k
	now := a.now().Unix()
	if now-k.LastUsedAt >= int64(touchEvery/time.Second) {
		if err := a.store.TouchAPIKey(r.Context(), k.ID, now); err != nil {
			a.opt.Log.Warn("touch api key", "err", err)
		}
	}
	return 0, ""
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.wrote = true
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
