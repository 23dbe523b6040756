package web

import "net/http"

// filmWatchlist adds a film to the signed-in member's watchlist (on=1) or
// takes it off.
func (s *Server) filmWatchlist(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	if err := s.store.SetWatchlist(r.Context(), signedIn(r).ID, slug, r.PostFormValue("on") == "1"); err != nil {
		return err
	}
	backToFilm(w, r, slug, "members")
	return nil
}
