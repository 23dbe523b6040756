package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// sessionsRevoke signs one of the member's sessions out (the route's Rule
// has checked it is theirs). Revoking this one signs this browser out.
func (s *Server) sessionsRevoke(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	current := id == auth.SessionID(r.Context())
	if err := s.store.DeleteSession(r.Context(), u.ID, id); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("session %d of user %d", id, u.ID), nil, nil)
	if current {
		if err := s.auth.EndSession(w, r); err != nil {
			return err
		}
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, "/settings/sessions?done=revoked", http.StatusSeeOther)
	return nil
}
