package api

import (
	"net/http"

	"marquee/internal/auth"
)

// listDelete answers DELETE /api/v1/lists/{id}: its owner deletes it.
func (s *Server) listDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.DeleteList(r.Context(), u.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
