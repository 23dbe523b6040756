package api

import (
	"net/http"

	"marquee/internal/auth"
)

// entryEdit is the body of PATCH /api/v1/lists/{id}/entries/{film}.
type entryEdit struct {
	Position *int    `json:"position"` // from 1; past the end moves it last
	Note     *string `json:"note"`
}

// listEntryUpdate answers PATCH /api/v1/lists/{id}/entries/{film}: its
// owner moves a film on the list or changes its note.
func (s *Server) listEntryUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in entryEdit
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.Position == nil && in.Note == nil {
		return &auth.FormError{Field: "position", Msg: "position or note: give one to change"}
	}
	if in.Position != nil && *in.Position < 1 {
		return &auth.FormError{Field: "position", Msg: "position: must be 1 or more"}
	}
	ctx, slug := r.Context(), r.PathValue("film")
	u, _ := auth.UserFrom(ctx)
	if in.Note != nil {
		if err := s.store.SetListEntryNote(ctx, u.ID, id, slug, *in.Note); err != nil {
			return memberErr(err)
		}
	}
	if in.Position != nil {
		if err := s.store.MoveListEntry(ctx, u.ID, id, slug, *in.Position); err != nil {
			return memberErr(err)
		}
	}
	return s.listAnswer(w, r, id, http.StatusOK)
}
