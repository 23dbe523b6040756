package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// reviewCreate is the body of POST /api/v1/films/{slug}/reviews.
type reviewCreate struct {
	Body    string   `json:"body"`
	Spoiler bool     `json:"spoiler"`
	Rating  *float64 `json:"rating"`
}

// filmReviewSave answers POST /api/v1/films/{slug}/reviews with the new review.
func (s *Server) filmReviewSave(w http.ResponseWriter, r *http.Request) error {
	var in reviewCreate
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	rating, err := jsonStars("rating", in.Rating)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	id, err := s.store.PutReview(r.Context(), u.ID, member.Review{FilmSlug: r.PathValue("slug"), Body: in.Body, Spoiler: in.Spoiler, Rating: rating})
	if err != nil {
		return memberErr(err)
	}
	rv, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusCreated)
	return writeJSON(w, r, reviewJSON(rv, viewerOf(r)), time.Time{})
}
