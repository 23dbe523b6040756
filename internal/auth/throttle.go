package auth

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// A limit allows Max attempts of one kind per key within Window; the next
// is refused until the oldest leaves the window.
type limit struct {
	kind   string
	max    int
	window time.Duration
}

// The limits: the 11th failed sign-in within 15 minutes for an account or
// the 31st within an hour from one address is refused, and so are more
// than 10 sign-ups or reset requests an hour from one address.
var (
	limitAccount = limit{"signin-account", 10, 15 * time.Minute}
	limitAddress = limit{"signin-address", 30, time.Hour}
	limitSignup  = limit{"signup", 10, time.Hour}
	limitReset   = limit{"reset", 10, time.Hour}
)

// ThrottledError refuses an attempt; RetryAfter says when to try again.
type ThrottledError struct{ RetryAfter time.Duration }

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("Too many attempts; try again in %s.", e.RetryAfter.Round(time.Second))
}

// check returns a *ThrottledError when key has used up l.
func (a *Service) check(ctx context.Context, l limit, key string) error {
	now := a.now()
	n, oldest, err := a.store.CountAttempts(ctx, l.kind, key, now.Add(-l.window).Unix())
	if err != nil {
		return err
	}
	if n < l.max {
		return nil
	}
	wait := time.Unix(oldest, 0).Add(l.window).Sub(now)
	if wait < time.Second {
		wait = time.Second
	}
	return &ThrottledError{RetryAfter: wait}
}

func (a *Service) count(ctx context.Context, l limit, key string) error {
	return a.store.AddAttempt(ctx, l.kind, key, a.now().Unix())
}

// WriteThrottled answers a throttled request: 429 with Retry-After.
func (a *Service) WriteThrottled(w http.ResponseWriter, r *http.Request, e *ThrottledError) {
	w.Header().Set("Retry-After", strconv.Itoa(int((e.RetryAfter+time.Second-1)/time.Second)))
	a.refuse(w, r, http.StatusTooManyRequests, e.Error())
}
