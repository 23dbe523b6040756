package api

import (
	"net/http"

	"marquee/internal/auth"
)

// pendingResolve is the body of PUT /api/v1/me/pending/{id}.
type pendingResolve struct {
	Film *string `json:"film"` // slug of the chosen film; "" dismisses the row
}

// mePendingSave answers PUT /api/v1/me/pending/{id}: its owner imports the
// row for the film chosen, or dismisses it; it answers with what landed.
func (s *Server) mePendingSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in pendingResolve
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.Film == nil {
		return &auth.FormError{Field: "film", Msg: `film: name the film by its slug, or "" to dismiss the row`}
	}
	u, _ := auth.UserFrom(r.Context())
	n, err := s.store.ResolvePending(r.Context(), u.ID, id, *in.Film)
	if err != nil {
		return memberErr(err)
	}
	return privateJSON(w, r, http.StatusOK, n)
}
