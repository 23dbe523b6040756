package api

import (
	"net/http"
	"strconv"
	"time"

	"marquee/internal/film"
	"marquee/internal/wiki"
)

// revisionShow serves GET /api/v1/films/{key}/revisions/{rev}: one
// revision with its text form.
func (s *Server) revisionShow(w http.ResponseWriter, r *http.Request) error {
	slug, err := s.filmSlug(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	rev, err := strconv.Atoi(r.PathValue("rev"))
	if err != nil || rev < 1 {
		return &film.NotFoundError{Entity: "revision", Key: r.PathValue("rev")}
	}
	got, err := s.store.DossierRevisionAt(r.Context(), slug, rev)
	if err != nil {
		return err
	}
	return writeJSON(w, r, RevisionText{Revision: got.Revision, Text: wiki.Text(got)}, time.Time{})
}
