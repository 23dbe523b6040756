package web

import (
	"net/http"

	"marquee/internal/auth"
)

// sessionsShow lists the member's sessions, this one marked, each with a
// button to sign it out.
func (s *Server) sessionsShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	list, err := s.auth.Sessions(r.Context(), u.ID)
	if err != nil {
		return err
	}
	p := &sessionsPage{Base: s.privateBase(r, "Sessions"), Notice: noticeOf(r)}
	cur := auth.SessionID(r.Context())
	for _, x := range list {
		p.Sessions = append(p.Sessions, sessionRow{ID: x.ID, Current: x.ID == cur, Created: stamp(x.CreatedAt),
			LastSeen: stamp(x.LastSeenAt), Address: x.Address, UserAgent: x.UserAgent})
	}
	s.render(w, r, http.StatusOK, "sessions", p)
	return nil
}
