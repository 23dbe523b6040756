package web

import "net/http"

// notices are the messages a redirect back to a settings page may ask for.
var notices = map[string]string{
	"welcome":  "Welcome to Marquee: your account is ready and you are signed in.",
	"profile":  "Your display name is saved.",
	"password": "Your password is changed; your other sessions have been signed out.",
	"revoked":  "The session is signed out.",
	"key":      "The API key is revoked.",
	"role":     "The role is changed; that member's sessions have been signed out.",
	"disabled": "The account is updated.",
	"mode":     "The sign-up mode is saved.",
}

func noticeOf(r *http.Request) string {
	if r.URL.Query().Get("welcome") == "1" {
		return notices["welcome"]
	}
	return notices[r.URL.Query().Get("done")]
}

// settingsShow renders the member's settings: display name, password,
// and deleting the account.
func (s *Server) settingsShow(w http.ResponseWriter, r *http.Request) error {
	p := &settingsPage{Base: s.privateBase(r, "Settings"), Notice: noticeOf(r)}
	s.render(w, r, http.StatusOK, "settings", p)
	return nil
}
