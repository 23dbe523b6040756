package web

import (
	"errors"
	"fmt"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/film"
)

// apikeysSave makes an API key and shows it, once.
func (s *Server) apikeysSave(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	key, k, err := s.auth.CreateAPIKey(r.Context(), u.ID, r.PostFormValue("name"), r.PostFormValue("scope"))
	var ve *film.ValidationError
	if errors.As(err, &ve) {
		return s.renderAPIKeys(w, r, http.StatusBadRequest, "", fmt.Sprintf("The key's %s %s.", ve.Field, ve.Reason))
	}
	if err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("api key %d of user %d", k.ID, u.ID), nil, map[string]string{"name": k.Name, "scope": k.Scope, "prefix": k.Prefix})
	return s.renderAPIKeys(w, r, http.StatusOK, key, "")
}
