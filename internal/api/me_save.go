package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"marquee/internal/auth"
)

// meUpdate is the body of PATCH /api/v1/me.
type meUpdate struct {
	DisplayName *string `json:"display_name"`
}

// meSave answers PATCH /api/v1/me: it changes the caller's display name.
// Like every JSON write it needs a write-scoped API key or the session's
// CSRF token in X-CSRF-Token (checked by auth.Service.Middleware).
func (s *Server) meSave(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	var in meUpdate
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return &auth.FormError{Field: "body", Msg: fmt.Sprintf("The body must be a JSON object with display_name: %v", err)}
	}
	if in.DisplayName == nil {
		return &auth.FormError{Field: "display_name", Msg: "display_name is required."}
	}
	name, err := auth.CheckDisplayName(*in.DisplayName)
	if err != nil {
		return err
	}
	if err := s.store.SetUserDisplayName(r.Context(), u.ID, name); err != nil {
		return err
	}
	auth.Note(r.Context(), fmt.Sprintf("user %d", u.ID), map[string]string{"display_name": u.DisplayName}, map[string]string{"display_name": name})
	me := meOf(u)
	me.DisplayName = name
	w.Header().Set("Cache-Control", "private, no-store")
	return writeJSON(w, r, me, time.Time{})
}
