package web

import "net/http"

// factsEditShow shows editors the form for a film's content advisory and
// awards.
func (s *Server) factsEditShow(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.factsEditor(r, "edit a film's facts"); err != nil {
		return err
	}
	p, err := s.loadFactsEdit(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "facts_edit", p)
	return nil
}
