package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

var authRoles = auth.Roles

// adminUsersRole changes an account's role. The account's sessions end,
// so the new privileges start with a new session. An admin cannot change
// their own role (another admin must), so a site keeps an admin.
func (s *Server) adminUsersRole(w http.ResponseWriter, r *http.Request) error {
	me := signedIn(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	role := auth.Role(r.PostFormValue("role"))
	if !role.Valid() {
		return &badRequest{Param: "role", Reason: "must be member, editor or admin"}
	}
	if id == me.ID {
		s.renderError(w, r, http.StatusForbidden, "You cannot change your own role; ask another admin.")
		return nil
	}
	u, err := s.store.UserByID(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.store.SetUserRole(r.Context(), id, string(role)); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", id), map[string]string{"role": u.Role}, map[string]string{"role": string(role)})
	http.Redirect(w, r, "/admin/users?done=role", http.StatusSeeOther)
	return nil
}
