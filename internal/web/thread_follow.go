package web

import (
	"net/http"
)

// threadFollow starts or (with follow=false) stops following a thread.
func (s *Server) threadFollow(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if err := s.store.FollowThread(r.Context(), id, v.ID, r.PostFormValue("follow") != "false"); err != nil {
		return err
	}
	return seeOther(w, r, "/threads/"+itoa64(id))
}
