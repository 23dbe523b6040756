package web

import (
	"errors"
	"net/http"

	"marquee/internal/store"
)

// resetShow renders the form a one-time reset link opens (made by
// `marquee user reset`); a spent or unknown link is a 404 page.
func (s *Server) resetShow(w http.ResponseWriter, r *http.Request) error {
	tok := r.PathValue("token")
	u, err := s.auth.ResetUser(r.Context(), tok)
	if errors.Is(err, store.ErrTokenUsed) {
		s.renderError(w, r, http.StatusNotFound, "This reset link is invalid, expired or already used.")
		return nil
	}
	if err != nil {
		return err
	}
	p := &resetPage{Base: s.privateBase(r, "Choose a new password"), Token: tok, Username: u.Username}
	s.render(w, r, http.StatusOK, "reset", p)
	return nil
}
