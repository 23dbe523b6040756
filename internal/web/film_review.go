package web

import (
	"net/http"

	"marquee/internal/member"
)

// filmReview files the signed-in member's review of a film. The body is
// Markdown, at most member.MaxReviewLength characters; a longer one is a
// 400 stating the limit.
func (s *Server) filmReview(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	rating, err := formRating(r, "rating")
	if err != nil {
		return memberBadRequest(err)
	}
	rv := member.Review{FilmSlug: slug, Body: r.PostFormValue("body"), Spoiler: r.PostFormValue("spoiler") == "1", Rating: rating}
	id, err := s.store.PutReview(r.Context(), signedIn(r).ID, rv)
	if err != nil {
		return memberBadRequest(err)
	}
	backToFilm(w, r, slug, "review-"+itoa(int(id)))
	return nil
}
