package web

import (
	"net/http"

	"marquee/internal/film"
)

// moderationShow is the queue of open reports (editors).
func (s *Server) moderationShow(w http.ResponseWriter, r *http.Request) error {
	v := s.viewerOf(r)
	if !v.IsEditor() {
		return &film.ForbiddenError{Action: "moderate", Reason: "the moderation queue is for editors"}
	}
	reports, err := s.store.OpenReports(r.Context(), 200)
	if err != nil {
		return err
	}
	p := &moderationPage{Viewer: v, Reports: reports}
	p.Base = s.newBase(r, "Moderation queue", "")
	p.NoIndex = true
	s.render(w, r, http.StatusOK, "moderation", p)
	return nil
}
