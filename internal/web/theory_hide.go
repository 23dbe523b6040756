package web

import (
	"net/http"
	"strings"
)

// theoryHide hides a theory, or shows it again (editors); the reason is
// kept with it.
func (s *Server) theoryHide(w http.ResponseWriter, r *http.Request) error {
	id, _, err := s.editorPost(w, r, "hide a theory")
	if err != nil {
		return err
	}
	hide := r.PostFormValue("hidden") != "false"
	if err := s.store.HideTheory(r.Context(), id, hide, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(id))
}
