package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/film"
)

// theoryInput is the body of POST /api/v1/films/{key}/theories.
type theoryInput struct {
	Title   string `json:"title"`
	Body    string `json:"body"`
	Spoiler bool   `json:"spoiler"`
}

// theorySave serves POST /api/v1/films/{key}/theories: the caller posts
// a theory; the answer is the theory, 201.
func (s *Server) theorySave(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	slug, err := s.filmSlug(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	var in theoryInput
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	t := &film.Theory{FilmSlug: slug, UserID: u.ID, Title: in.Title, Body: in.Body, Spoiler: in.Spoiler}
	if err := s.store.CreateTheory(r.Context(), t); err != nil {
		return err
	}
	auth.Note(r.Context(), "theory "+itoa64(t.ID), nil, in)
	got, err := s.store.Theory(r.Context(), t.ID, u.ID)
	if err != nil {
		return err
	}
	return writeJSONStatus(w, r, http.StatusCreated, got, time.Time{})
}
