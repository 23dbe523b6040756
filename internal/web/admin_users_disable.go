package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// adminUsersDisable disables (disabled=1) or enables an account; a
// disabled account cannot sign in and its sessions end.
func (s *Server) adminUsersDisable(w http.ResponseWriter, r *http.Request) error {
	me := signedIn(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if id == me.ID {
		s.renderError(w, r, http.StatusForbidden, "You cannot disable your own account.")
		return nil
	}
	disabled := r.PostFormValue("disabled") == "1"
	u, err := s.store.UserByID(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.store.SetUserDisabled(r.Context(), id, disabled); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", id), map[string]bool{"disabled": u.Disabled}, map[string]bool{"disabled": disabled})
	http.Redirect(w, r, "/admin/users?done=disabled", http.StatusSeeOther)
	return nil
}
