package web

import (
	"net/http"
	"strings"
)

// settingsPendingSave resolves an imported row: film (a slug) imports it
// for that film; an empty film dismisses it. The route's rule lets only
// the row's owner in.
func (s *Server) settingsPendingSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	slug := strings.TrimPrefix(strings.TrimSpace(r.PostFormValue("film")), "/films/")
	if _, err := s.store.ResolvePending(r.Context(), signedIn(r).ID, id, slug); err != nil {
		return memberBadRequest(err)
	}
	done := "resolved"
	if slug == "" {
		done = "dismissed"
	}
	http.Redirect(w, r, "/settings/films?done="+done, http.StatusSeeOther)
	return nil
}
