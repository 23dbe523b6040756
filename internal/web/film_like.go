package web

import (
	"net/http"

	"marquee/internal/store"
)

// filmLike sets the signed-in member's like of a film (liked=1 or 0),
// separate from the rating.
func (s *Server) filmLike(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	liked := r.PostFormValue("liked") == "1"
	if err := s.store.SetFilmLog(r.Context(), signedIn(r).ID, slug, store.FilmLogChange{Liked: &liked}); err != nil {
		return err
	}
	backToFilm(w, r, slug, "members")
	return nil
}
