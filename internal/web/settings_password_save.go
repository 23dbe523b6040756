package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// settingsPasswordSave changes the member's password after checking the
// current one, signs out every other session and rotates this one.
func (s *Server) settingsPasswordSave(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	err := s.auth.ChangePassword(r.Context(), u, r.PostFormValue("current"), r.PostFormValue("password"))
	if fe := formError(err); fe != nil {
		s.render(w, r, http.StatusBadRequest, "settings", &settingsPage{Base: s.privateBase(r, "Settings"), Error: fe})
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := s.auth.EndOtherSessions(r); err != nil {
		return err
	}
	if err := s.auth.StartSession(w, r, u); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), nil, map[string]string{"password": "changed"})
	http.Redirect(w, r, "/settings?done=password", http.StatusSeeOther)
	return nil
}
