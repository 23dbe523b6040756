package api

import (
	"net/http"

	"marquee/internal/auth"
)

// diaryDelete answers DELETE /api/v1/diary/{id}: its owner deletes the entry.
func (s *Server) diaryDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.DeleteDiaryEntry(r.Context(), u.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
