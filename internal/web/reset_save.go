package web

import (
	"errors"
	"fmt"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/store"
)

// resetSave spends a reset link: the new password is set, every session
// of the account ends, and this browser is signed in afresh.
func (s *Server) resetSave(w http.ResponseWriter, r *http.Request) error {
	tok := r.PathValue("token")
	u, err := s.auth.ResetPassword(r.Context(), tok, r.PostFormValue("password"), auth.Address(r.Context()))
	if errors.Is(err, store.ErrTokenUsed) {
		s.renderError(w, r, http.StatusNotFound, "This reset link is invalid, expired or already used.")
		return nil
	}
	if fe := formError(err); fe != nil {
		ru, rerr := s.auth.ResetUser(r.Context(), tok)
		if rerr != nil {
			return rerr
		}
		p := &resetPage{Base: s.privateBase(r, "Choose a new password"), Token: tok, Username: ru.Username, Error: fe.Msg}
		s.render(w, r, http.StatusBadRequest, "reset", p)
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.auth.StartSession(w, r, u); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), nil, map[string]string{"password": "changed by reset link"})
	http.Redirect(w, r, "/settings?done=password", http.StatusSeeOther)
	return nil
}
