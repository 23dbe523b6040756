package web

import (
	"net/http"

	"marquee/internal/auth"
)

// adminSignupSave sets who may sign up: open, invite or closed.
func (s *Server) adminSignupSave(w http.ResponseWriter, r *http.Request) error {
	old, err := s.auth.SignupMode(r.Context())
	if err != nil {
		return err
	}
	mode := auth.SignupMode(r.PostFormValue("mode"))
	if err := s.auth.SetSignupMode(r.Context(), mode); err != nil {
		if fe := formError(err); fe != nil {
			return &badRequest{Param: "mode", Reason: "must be open, invite or closed"}
		}
		return err
	}
	auth.Note(r.Context(), "signup mode", string(old), string(mode))
	http.Redirect(w, r, "/admin/users?done=mode", http.StatusSeeOther)
	return nil
}
