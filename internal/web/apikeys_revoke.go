package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// apikeysRevoke deletes one of the member's API keys (the route's Rule
// has checked it is theirs); scripts using it are refused from now on.
func (s *Server) apikeysRevoke(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteAPIKey(r.Context(), u.ID, id); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("api key %d of user %d", id, u.ID), nil, nil)
	http.Redirect(w, r, "/settings/apikeys?done=key", http.StatusSeeOther)
	return nil
}
