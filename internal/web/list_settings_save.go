package web

import (
	"net/http"
	"net/url"
)

// listSettingsSave makes one of the signed-in member's lists public or
// private and ranked or not (checkboxes, so no JavaScript); the route's
// rule lets only its owner in.
func (s *Server) listSettingsSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u := signedIn(r)
	public, ranked := r.PostFormValue("public") == "1", r.PostFormValue("ranked") == "1"
	if err := s.store.SetListFlags(r.Context(), u.ID, id, public, ranked); err != nil {
		return memberBadRequest(err)
	}
	back := "/members/" + url.PathEscape(u.Username)
	if slug := r.PostFormValue("slug"); slug != "" {
		back += "/lists/" + url.PathEscape(slug)
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
	return nil
}
