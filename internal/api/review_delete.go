package api

import (
	"net/http"
	"strconv"

	"marquee/internal/auth"
	"marquee/internal/film"
)

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &film.NotFoundError{Entity: "item", Key: r.PathValue("id")}
	}
	return id, nil
}

// reviewDelete answers DELETE /api/v1/reviews/{id}: its author deletes it.
func (s *Server) reviewDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.DeleteReview(r.Context(), u.ID, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
