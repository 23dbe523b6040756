package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// signinSave checks the username and password and starts a new session
// (a new id: whatever session cookie came with the request is replaced).
// A failure answers 401 with the form again; a throttled one 429.
func (s *Server) signinSave(w http.ResponseWriter, r *http.Request) error {
	name := r.PostFormValue("username")
	next := safeNext(r.PostFormValue("next"))
	u, err := s.auth.SignIn(r.Context(), name, r.PostFormValue("password"), auth.Address(r.Context()))
	if fe := formError(err); fe != nil {
		p := &signinPage{Base: s.privateBase(r, "Sign in"), Next: next, Username: name, Error: fe.Msg}
		s.render(w, r, http.StatusUnauthorized, "signin", p)
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.auth.StartSession(w, r, u); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), nil, nil)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}
