package web

import (
	"net/http"
	"strings"
)

// reportResolve closes a report with what was done about it (editors).
func (s *Server) reportResolve(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.editorPost(w, r, "resolve a report")
	if err != nil {
		return err
	}
	if err := s.store.ResolveReport(r.Context(), id, v.ID, strings.TrimSpace(r.PostFormValue("resolution"))); err != nil {
		return err
	}
	return seeOther(w, r, "/moderation")
}
