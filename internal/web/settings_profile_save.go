package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// settingsProfileSave changes the member's display name.
func (s *Server) settingsProfileSave(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	name, err := auth.CheckDisplayName(r.PostFormValue("display_name"))
	if fe := formError(err); fe != nil {
		s.render(w, r, http.StatusBadRequest, "settings", &settingsPage{Base: s.privateBase(r, "Settings"), Error: fe})
		return nil
	}
	if err := s.store.SetUserDisplayName(r.Context(), u.ID, name); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), map[string]string{"display_name": u.DisplayName}, map[string]string{"display_name": name})
	http.Redirect(w, r, "/settings?done=profile", http.StatusSeeOther)
	return nil
}
