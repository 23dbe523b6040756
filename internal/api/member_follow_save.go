package api

import (
	"net/http"

	"marquee/internal/auth"
)

// memberFollowSave answers PUT /api/v1/members/{name}/follow: the caller
// follows the member ({"on": true}) or stops.
func (s *Server) memberFollowSave(w http.ResponseWriter, r *http.Request) error {
	var in onOff
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.On == nil {
		return &auth.FormError{Field: "on", Msg: "on: must be true or false"}
	}
	other, err := s.store.MemberID(r.Context(), r.PathValue("name"))
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.Follow(r.Context(), u.ID, other, *in.On); err != nil {
		return memberErr(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
