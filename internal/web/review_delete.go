package web

import "net/http"

// reviewDelete deletes a review; the route's rule lets only its author in.
func (s *Server) reviewDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rv, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.store.DeleteReview(r.Context(), signedIn(r).ID, id); err != nil {
		return err
	}
	backToFilm(w, r, rv.FilmSlug, "reviews")
	return nil
}
