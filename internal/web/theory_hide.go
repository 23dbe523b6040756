package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// theoryHide hides a theory, or shows it again (editors); the reason is
// kept with it.
func (s *Server) theoryHide(w http.ResponseWriter, r *http.Request) error {
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
		return &film.ForbiddenError{Action: "hide", Reason: "only editors hide theories"}
	}
	hide := r.PostFormValue("hidden") != "false"
	if err := s.store.HideTheory(r.Context(), id, hide, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(id))
}
