package api

import (
	"net/http"
	"time"
)

// threadShow serves GET /api/v1/threads/{id}: a thread and its comments.
func (s *Server) threadShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	th, err := s.store.Thread(r.Context(), id, 0)
	if err != nil {
		return err
	}
	cs, err := s.store.ThreadComments(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, r, ThreadDetail{Thread: *th, Comments: publicComments(cs)}, time.Time{})
}
