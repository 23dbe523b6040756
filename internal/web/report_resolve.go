package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// reportResolve closes a report with what was done about it (editors).
func (s *Server) reportResolve(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	if !v.IsEditor() {
		return &film.ForbiddenError{Action: "resolve a report", Reason: "only editors moderate"}
	}
	if err := s.store.ResolveReport(r.Context(), id, v.ID, strings.TrimSpace(r.PostFormValue("resolution"))); err != nil {
		return err
	}
	return seeOther(w, r, "/moderation")
}
