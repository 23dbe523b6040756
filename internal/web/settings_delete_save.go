package web

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// settingsDeleteSave deletes the member's account after checking its
// password. content=anonymise keeps what they wrote without their name;
// content=remove deletes it. Every session and API key goes with it.
func (s *Server) settingsDeleteSave(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	mode := r.PostFormValue("content")
	if mode != "anonymise" && mode != "remove" {
		fe := &auth.FormError{Field: "content", Msg: "Choose whether your content is anonymised or removed."}
		s.render(w, r, http.StatusBadRequest, "settings", &settingsPage{Base: s.privateBase(r, "Settings"), Error: fe})
		return nil
	}
	err := s.auth.DeleteAccount(r.Context(), u, r.PostFormValue("password"), mode == "anonymise")
	if fe := formError(err); fe != nil {
		fe.Field = "delete_password"
		s.render(w, r, http.StatusBadRequest, "settings", &settingsPage{Base: s.privateBase(r, "Settings"), Error: fe})
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.auth.EndSession(w, r); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), map[string]string{"username": u.Username}, map[string]string{"content": mode})
	http.Redirect(w, r, "/?deleted=1", http.StatusSeeOther)
	return nil
}
