package web

import (
	"net/http"

	"marquee/internal/film"
)

// reviewLike adds (liked=1) or removes the signed-in member's like of a review.
func (s *Server) reviewLike(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.store.LikeReview(r.Context(), signedIn(r).ID, id, r.PostFormValue("liked") == "1"); err != nil {
		return err
	}
	rv, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return &film.NotFoundError{Entity: "review", Key: itoa(int(id))}
	}
	backToFilm(w, r, rv.FilmSlug, "review-"+itoa(int(id)))
	return nil
}
