package auth

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"marquee/internal/store"
)

// entry is the audit record of the current write, filled as it runs.
type entry struct {
	at       time.Time
	userID   int64
	username string
	action   string // the route's pattern, or what Note says
	target   string
	before   string
	after    string
	skip     bool
}

// Note adds to the audit entry of the current write what it acted on
// (target, e.g. "user 12") and the state before and after, which are
// stored as JSON (nil for none). It does nothing outside a write.
func Note(ctx context.Context, target string, before, after any) {
	c := callerFrom(ctx)
	if c == nil || c.audit == nil {
		return
	}
	c.audit.target = target
	c.audit.before, c.audit.after = jsonOf(before), jsonOf(after)
}

// NoteAction names the write in the audit log when the route's pattern
// would not say enough (one route, several actions).
func NoteAction(ctx context.Context, action string) {
	if c := callerFrom(ctx); c != nil && c.audit != nil {
		c.audit.action = action
	}
}

func jsonOf(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	// Not HTML-escaped: the log is data; pages escape it when they show it.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// auditRow is the audit log row of the current write as noted so far.
func (a *Service) auditRow(r *http.Request, c *caller) *store.AuditEntry {
	e := c.audit
	action := e.action
	if action == "" {
		action = r.Method + " " + r.URL.Path
	}
	return &store.AuditEntry{At: e.at.Unix(), UserID: e.userID, Username: e.username, Action: action,
		Target: e.target, Address: c.address, Before: e.before, After: e.after}
}

func (a *Service) writeAudit(r *http.Request, c *caller) {
	row := a.auditRow(r, c)
	// The write has happened; losing its record must not undo it, but it is
	// logged loudly.
	if err := a.store.AddAudit(context.WithoutCancel(r.Context()), row); err != nil {
		a.opt.Log.Error("audit log", "action", row.Action, "err", err)
	}
}

// Audit records a write made outside HTTP (the command line), by actor.
func (a *Service) Audit(ctx context.Context, actor, action, target string, before, after any) error {
	return a.store.AddAudit(ctx, &store.AuditEntry{At: a.now().Unix(), Username: actor, Action: action,
		Target: target, Before: jsonOf(before), After: jsonOf(after)})
}
