package api

import (
	"net/http"

	"marquee/internal/auth"
)

// onOff is the body of the PUT routes that switch something on or off.
type onOff struct {
	On *bool `json:"on"`
}

// filmWatchlistSave answers PUT /api/v1/films/{slug}/watchlist: puts the
// film on the caller's watchlist ({"on": true}) or takes it off.
func (s *Server) filmWatchlistSave(w http.ResponseWriter, r *http.Request) error {
	var in onOff
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.On == nil {
		return &auth.FormError{Field: "on", Msg: "on: must be true or false"}
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.SetWatchlist(r.Context(), u.ID, r.PathValue("slug"), *in.On); err != nil {
		return memberErr(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
