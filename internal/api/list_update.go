package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/store"
)

// listEdit is the body of PATCH /api/v1/lists/{id}; absent fields stay.
type listEdit struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Ranked      *bool   `json:"ranked"`
	Public      *bool   `json:"public"`
}

// listUpdate answers PATCH /api/v1/lists/{id}: its owner renames it (the
// slug stays, so links hold), redescribes it, or changes its flags.
func (s *Server) listUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in listEdit
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	e := store.ListEdit{Name: in.Name, Description: in.Description, Ranked: in.Ranked, Public: in.Public}
	if err := s.store.EditList(r.Context(), u.ID, id, e); err != nil {
		return memberErr(err)
	}
	return s.listAnswer(w, r, id, http.StatusOK)
}
