package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// theoryStatus marks a theory confirmed or debunked, with a source, or
// open again (editors).
func (s *Server) theoryStatus(w http.ResponseWriter, r *http.Request) error {
	id, v, err := s.editorPost(w, r, "judge a theory")
	if err != nil {
		return err
	}
	status := film.TheoryStatus(strings.TrimSpace(r.PostFormValue("status")))
	if err := s.store.SetTheoryStatus(r.Context(), id, status, strings.TrimSpace(r.PostFormValue("source")), v.ID); err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(id))
}
