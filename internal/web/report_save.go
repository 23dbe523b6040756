package web

import (
	"net/http"
	"strings"
)

// reportSave files a member's report of a theory, comment or review for
// the moderators, then returns to where it was made.
func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	kind := strings.TrimSpace(r.PostFormValue("kind"))
	if _, err := s.store.AddReport(r.Context(), kind, parseID(r.PostFormValue("id")), v.ID, r.PostFormValue("reason")); err != nil {
		return err
	}
	back := r.PostFormValue("back")
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		back = "/"
	}
	return seeOther(w, r, back)
}
