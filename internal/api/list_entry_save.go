package api

import (
	"fmt"
	"net/http"
	"unicode/utf8"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// listEntrySave answers POST /api/v1/lists/{id}/entries: its owner puts a
// film at the end of the list (a film already on it keeps its place and
// takes the new note), answered with the list.
func (s *Server) listEntrySave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in entryWrite
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.Film == "" {
		return &auth.FormError{Field: "film", Msg: "film: name the film by its slug"}
	}
	if n := utf8.RuneCountInString(in.Note); n > member.MaxNote {
		return &auth.FormError{Field: "note", Msg: fmt.Sprintf("note: is %d characters; the limit is %d", n, member.MaxNote)}
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.AddToList(r.Context(), u.ID, id, in.Film, in.Note); err != nil {
		return memberErr(err)
	}
	return s.listAnswer(w, r, id, http.StatusOK)
}
