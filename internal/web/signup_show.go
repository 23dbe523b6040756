package web

import "net/http"

// signupShow renders the sign-up form, with the invite of the link when
// the visitor came by one.
func (s *Server) signupShow(w http.ResponseWriter, r *http.Request) error {
	mode, err := s.auth.SignupMode(r.Context())
	if err != nil {
		return err
	}
	p := &signupPage{Base: s.privateBase(r, "Sign up"), Mode: mode, Invite: r.URL.Query().Get("invite")}
	s.render(w, r, http.StatusOK, "signup", p)
	return nil
}
