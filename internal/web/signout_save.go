package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// signoutSave ends this browser's session, and with everywhere=1 every
// other session of the account too.
func (s *Server) signoutSave(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	var ended int64
	if r.PostFormValue("everywhere") == "1" {
		n, err := s.auth.EndOtherSessions(r)
		if err != nil {
			return err
		}
		ended = n
		auth.NoteAction(r.Context(), "POST /signout everywhere")
	}
	if err := s.auth.EndSession(w, r); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), nil, map[string]int64{"other_sessions_ended": ended})
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
