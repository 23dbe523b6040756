package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
)

// theoryShow serves GET /api/v1/theories/{id}: a visible theory with its
// comments (hidden ones without their text).
func (s *Server) theoryShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	var viewer int64
	if u, ok := auth.UserFrom(r.Context()); ok {
		viewer = u.ID
	}
	t, err := s.store.Theory(r.Context(), id, viewer)
	if err != nil {
		return err
	}
	if t.Hidden {
		return &film.NotFoundError{Entity: "theory", Key: itoa64(id)}
	}
	out := TheoryDetail{Theory: *t, Comments: []film.Comment{}}
	if t.ThreadID != 0 {
		cs, err := s.store.ThreadComments(r.Context(), t.ThreadID)
		if err != nil {
			return err
		}
		out.Comments = publicComments(cs)
	}
	return writeJSON(w, r, out, time.Time{})
}

// publicComments blanks what hidden comments said.
func publicComments(cs []film.Comment) []film.Comment {
	out := make([]film.Comment, len(cs))
	for i, c := range cs {
		if c.Hidden {
			c.Body, c.Author, c.HiddenReason = "", "", ""
		}
		out[i] = c
	}
	return out
}
