package web

import (
	"net/http"

	"marquee/internal/member"
	"marquee/internal/store"
)

// filmRate sets or removes the signed-in member's rating of a film: half
// stars from 0.5 to 5; anything else is a 400 naming the field.
func (s *Server) filmRate(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	var rating member.Rating
	if r.PostFormValue("remove") == "" {
		var err error
		if rating, err = member.ParseStars("rating", r.PostFormValue("rating")); err != nil {
			return memberBadRequest(err)
		}
	}
	if err := s.store.SetFilmLog(r.Context(), signedIn(r).ID, slug, store.FilmLogChange{Rating: &rating}); err != nil {
		return memberBadRequest(err)
	}
	backToFilm(w, r, slug, "members")
	return nil
}
