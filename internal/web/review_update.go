package web

import (
	"net/http"

	"marquee/internal/member"
)

// reviewUpdate edits a review; the route's rule lets only its author in.
func (s *Server) reviewUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	rating, err := formRating(r, "rating")
	if err != nil {
		return memberBadRequest(err)
	}
	rv := member.Review{Body: r.PostFormValue("body"), Spoiler: r.PostFormValue("spoiler") == "1", Rating: rating}
	if err := s.store.UpdateReview(r.Context(), signedIn(r).ID, id, rv); err != nil {
		return memberBadRequest(err)
	}
	old, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return err
	}
	backToFilm(w, r, old.FilmSlug, "review-"+itoa(int(id)))
	return nil
}
