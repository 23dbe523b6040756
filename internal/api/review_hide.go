package api

import (
	"fmt"
	"net/http"

	"marquee/internal/auth"
)

// reviewHide answers PUT /api/v1/reviews/{id}/hidden: an editor hides the
// review ({"on": true}) from everyone but its author, or shows it again.
// The change is audited, as on the site.
func (s *Server) reviewHide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in onOff
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.On == nil {
		return &auth.FormError{Field: "on", Msg: "on: must be true or false"}
	}
	auth.Note(r.Context(), fmt.Sprintf("review %d", id), nil, map[string]string{"hidden": fmt.Sprint(*in.On)})
	if err := s.store.HideReview(r.Context(), id, *in.On); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
