package api

import (
	"net/http"

	"marquee/internal/auth"
)

// listEntryDelete answers DELETE /api/v1/lists/{id}/entries/{film}: its
// owner takes the film off the list, answered with the list.
func (s *Server) listEntryDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.RemoveFromList(r.Context(), u.ID, id, r.PathValue("film")); err != nil {
		return memberErr(err)
	}
	return s.listAnswer(w, r, id, http.StatusOK)
}
