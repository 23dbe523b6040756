package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/store"
)

// ratingUpdate is the body of PUT /api/v1/films/{slug}/rating.
type ratingUpdate struct {
	Rating *float64 `json:"rating"` // stars, 0.5–5; null removes the rating
	Liked  *bool    `json:"liked"`
}

// filmRatingSave answers PUT /api/v1/films/{slug}/rating: the caller's
// rating and like of a film; it returns the film's members' block.
func (s *Server) filmRatingSave(w http.ResponseWriter, r *http.Request) error {
	var in ratingUpdate
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	rating, err := jsonStars("rating", in.Rating)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	c := store.FilmLogChange{Rating: &rating, Liked: in.Liked}
	if err := s.store.SetFilmLog(r.Context(), u.ID, r.PathValue("slug"), c); err != nil {
		return memberErr(err)
	}
	w.Header().Set("Cache-Control", "private, no-store")
	return s.filmMembersShow(w, r)
}
