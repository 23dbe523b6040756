package web

import (
	"net/http"
)

// commentShow sends a comment's address to the comment in its thread.
func (s *Server) commentShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := s.store.Comment(r.Context(), id)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/threads/"+itoa64(c.ThreadID)+"#comment-"+itoa64(id), http.StatusSeeOther)
	return nil
}
