package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// signupSave creates an account and signs it in on this browser.
func (s *Server) signupSave(w http.ResponseWriter, r *http.Request) error {
	in := auth.SignUp{
		Username:    r.PostFormValue("username"),
		Password:    r.PostFormValue("password"),
		DisplayName: r.PostFormValue("display_name"),
		Invite:      r.PostFormValue("invite"),
		Address:     auth.Address(r.Context()),
	}
	u, err := s.auth.SignUp(r.Context(), in)
	if fe := formError(err); fe != nil {
		mode, merr := s.auth.SignupMode(r.Context())
		if merr != nil {
			return merr
		}
		p := &signupPage{Base: s.privateBase(r, "Sign up"), Mode: mode, Invite: in.Invite,
			Username: in.Username, DisplayName: in.DisplayName, Error: fe}
		s.render(w, r, http.StatusBadRequest, "signup", p)
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.auth.StartSession(w, r, u); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), nil, map[string]string{"username": u.Username, "display_name": u.DisplayName, "role": string(u.Role)})
	http.Redirect(w, r, "/settings?welcome=1", http.StatusSeeOther)
	return nil
}
