package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// SessionCookie names the cookie that carries the session id.
const SessionCookie = "marquee_session"

// touchEvery is how stale a session's last-seen time may get before a
// request refreshes it, so reading pages does not write on every request.
const touchEvery = time.Minute

// newToken returns 256 random bits, URL-safe base64 encoded.
func newToken() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("crypto/rand failed: %v", err)) // the system has no randomness left to trust
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// hashToken is what the database keeps of a secret token.
func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return hex.EncodeToString(h[:])
}

// plausibleToken bounds what is hashed and looked up from a cookie.
func plausibleToken(t string) bool { return len(t) >= 22 && len(t) <= 128 }

func (a *Service) secure(r *http.Request) bool { return a.https || r.TLS != nil }

func (a *Service) cookie(r *http.Request, name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		Secure: a.secure(r), SameSite: http.SameSiteLaxMode}
}

// StartSession signs u in on this browser: it creates a session with a new
// random id, replacing (rotating) any session the request carried, sets
// the cookie, and makes u the caller for the rest of the request.
func (a *Service) StartSession(w http.ResponseWriter, r *http.Request, u *User) error {
	c := callerFrom(r.Context())
	old := ""
	if ck, err := r.Cookie(SessionCookie); err == nil && plausibleToken(ck.Value) {
		old = hashToken(ck.Value)
	}
	now := a.now()
	tok := newToken()
	x := &store.Session{TokenHash: hashToken(tok), UserID: u.ID, CSRF: newToken(),
		CreatedAt: now.Unix(), LastSeenAt: now.Unix(), ExpiresAt: now.Add(a.opt.AbsoluteLifetime).Unix(),
		Address: clientAddress(r), UserAgent: truncate(r.UserAgent(), 200)}
	if err := a.store.CreateSession(r.Context(), x, old); err != nil {
		return err
	}
	http.SetCookie(w, a.cookie(r, SessionCookie, tok, int(a.opt.AbsoluteLifetime/time.Second)))
	if c != nil {
		c.user, c.session, c.token = u, x, tok
		if c.audit != nil {
			c.audit.userID, c.audit.username = u.ID, u.Username
		}
	}
	return nil
}

// EndSession signs this browser out: its session is deleted and the
// cookie cleared. The caller stays in the request's audit entry.
func (a *Service) EndSession(w http.ResponseWriter, r *http.Request) error {
	c := callerFrom(r.Context())
	if ck, err := r.Cookie(SessionCookie); err == nil && plausibleToken(ck.Value) {
		if err := a.store.DeleteSessionByToken(r.Context(), hashToken(ck.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, a.cookie(r, SessionCookie, "", -1))
	if c != nil {
		c.user, c.session, c.token = nil, nil, ""
	}
	return nil
}

// EndOtherSessions signs the caller out everywhere but this browser and
// returns how many sessions ended.
func (a *Service) EndOtherSessions(r *http.Request) (int64, error) {
	c := callerFrom(r.Context())
	if c == nil || c.user == nil {
		return 0, nil
	}
	keep := ""
	if c.session != nil {
		keep = c.session.TokenHash
	}
	return a.store.DeleteUserSessions(r.Context(), c.user.ID, keep)
}

// Sessions lists the live sessions of an account, most recently seen
// first.
func (a *Service) Sessions(ctx context.Context, userID int64) ([]store.Session, error) {
	now := a.now()
	return a.store.UserSessions(ctx, userID, now.Unix(), now.Add(-a.opt.IdleLifetime).Unix())
}

// loadSession finds the live session named by the request's cookie. A
// cookie naming no live session is cleared.
func (a *Service) loadSession(w http.ResponseWriter, r *http.Request, c *caller) error {
	ck, err := r.Cookie(SessionCookie)
	if err != nil {
		return nil
	}
	now := a.now()
	if plausibleToken(ck.Value) {
		x, u, err := a.store.SessionByToken(r.Context(), hashToken(ck.Value), now.Unix(), now.Add(-a.opt.IdleLifetime).Unix())
		switch {
		case err == nil:
			c.user, c.session, c.token = userFromRow(u), x, ck.Value
			if now.Unix()-x.LastSeenAt >= int64(touchEvery/time.Second) {
				if err := a.store.TouchSession(r.Context(), x.ID, now.Unix()); err != nil {
					a.opt.Log.Warn("touch session", "err", err)
				}
			}
			return nil
		case !errors.Is(err, film.ErrNotFound):
			return err
		}
	}
	http.SetCookie(w, a.cookie(r, SessionCookie, "", -1))
	return nil
}

// clientAddress is the request's peer address without its port.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
