package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// reviewHide hides (hidden=1) or shows a review; editors only.
func (s *Server) reviewHide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	hidden := r.PostFormValue("hidden") != "0"
	auth.Note(r.Context(), fmt.Sprintf("review %d", id), nil, map[string]string{"hidden": fmt.Sprint(hidden)})
	if err := s.store.HideReview(r.Context(), id, hidden); err != nil {
		return err
	}
	rv, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return err
	}
	backToFilm(w, r, rv.FilmSlug, "reviews")
	return nil
}
