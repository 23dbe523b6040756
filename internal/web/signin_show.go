package web

import "net/http"

// signinShow renders the sign-in form.
func (s *Server) signinShow(w http.ResponseWriter, r *http.Request) error {
	p := &signinPage{Base: s.privateBase(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))}
	s.render(w, r, http.StatusOK, "signin", p)
	return nil
}
