package web

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"marquee/internal/auth"
	"marquee/internal/store/storetest"
)

// hostile are display names and key names written to break out of HTML
// or SQL.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`'; DROP TABLE users; --`,
	`Robert'); DELETE FROM sessions;--`,
	`" OR "1"="1`,
	`$1 $2 \x00 %s %d`,
}

// TestStoredXSSAndInjection: hostile display names and API key names are
// stored byte for byte and shown escaped (inert) wherever they appear:
// the header, the admin's member list, the API key list and the audit
// log; SQL in a username or password is just a failed sign-in.
func TestStoredXSSAndInjection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		s := newAuthSite(t, dsn)
		ctx := context.Background()
		s.addUser("root", auth.RoleAdmin, goodPassword)
		admin := s.client()
		admin.signIn("root", goodPassword)
		mira := s.client()
		s.addUser("mira", auth.RoleMember, goodPassword)
		mira.signIn("mira", goodPassword)
		for _, name := range hostile {
			if res, body := mira.post("/settings/profile", "/settings", url.Values{"display_name": {name}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save display name %q = %d:\n%.300s", name, res.StatusCode, body)
			}
			u, err := s.st.UserByName(ctx, "mira")
			if err != nil {
				t.Fatal(err)
			}
			if u.DisplayName != strings.TrimSpace(name) {
				t.Errorf("stored display name %q, want %q", u.DisplayName, name)
			}
			if res, _ := mira.post("/settings/apikeys", "/settings/apikeys", url.Values{"name": {name}, "scope": {"read"}}); res.StatusCode != http.StatusOK {
				t.Errorf("create key named %q = %d", name, res.StatusCode)
			}
			escaped := html.EscapeString(strings.TrimSpace(name))
			for _, v := range []struct {
				who  *client
				page string
				raw  string // the audit log shows the name inside JSON
			}{{mira, "/settings", name}, {admin, "/admin/users", name}, {admin, "/admin/audit", jsonString(name)}} {
				_, body := v.who.get(v.page)
				checkInert(t, v.page, body, v.raw, html.EscapeString(strings.TrimSpace(v.raw)))
			}
			_, body := mira.get("/settings/apikeys")
			checkInert(t, "/settings/apikeys", body, name, escaped)
		}
		for _, probe := range []string{`root' --`, `' OR '1'='1`, `root"; DROP TABLE users; --`} {
			if res := s.client().signIn(probe, `' OR '1'='1`); res.StatusCode != http.StatusUnauthorized {
				t.Errorf("sign in as %q = %d, want 401", probe, res.StatusCode)
			}
		}
		if n, err := s.st.CountUsers(ctx); err != nil || n != 2 {
			t.Errorf("users after the probes: %d (%v), want 2", n, err)
		}
	})
}

// checkInert fails when page shows raw, unescaped, or not at all.
func checkInert(t *testing.T, page, body, raw, escaped string) {
	t.Helper()
	if strings.ContainsAny(raw, `<>"'&`) && strings.Contains(body, raw) {
		t.Errorf("%s shows %q unescaped", page, raw)
	}
	// html/template escapes ' and " as numeric references; either form is inert.
	alt := strings.NewReplacer("&#39;", "&#39;", "&#34;", "&#34;").Replace(escaped)
	tmpl := strings.NewReplacer(`"`, "&#34;", `'`, "&#39;", "<", "&lt;", ">", "&gt;", "&", "&amp;")
	if !strings.Contains(body, alt) && !strings.Contains(body, tmpl.Replace(strings.TrimSpace(raw))) {
		t.Errorf("%s does not show %q at all", page, raw)
	}
}

// jsonString is s as it appears inside a JSON string, HTML left alone.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(strings.TrimSpace(s))
	out := strings.TrimSpace(b.String())
	return out[1 : len(out)-1]
}
