package web

import (
	"net/http"

	"marquee/internal/wiki"
)

// rollbackSave reverts the latest run of edits by one author (editors).
func (s *Server) rollbackSave(w http.ResponseWriter, r *http.Request) error {
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	slug := r.PathValue("slug")
	if _, _, err := s.wiki.Rollback(r.Context(), slug, wiki.Editor{UserID: v.ID, Name: v.Name}); err != nil {
		return err
	}
	return seeOther(w, r, "/films/"+slug+"/history")
}
