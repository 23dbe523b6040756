package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// theoryStatus marks a theory confirmed or debunked, with a source, or
// open again (editors).
func (s *Server) theoryStatus(w http.ResponseWriter, r *http.Request) error {
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
		return &film.ForbiddenError{Action: "judge a theory", Reason: "only editors confirm or debunk theories"}
	}
	status := film.TheoryStatus(strings.TrimSpace(r.PostFormValue("status")))
	if err := s.store.SetTheoryStatus(r.Context(), id, status, strings.TrimSpace(r.PostFormValue("source")), v.ID); err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(id))
}
