package api

import (
	"net/http"

	"marquee/internal/store"
)

// SimilarList is the body of GET /api/v1/films/{slug}/similar.
type SimilarList struct {
	Film    store.RecFilm       `json:"film"`
	Similar []store.SimilarFilm `json:"similar"`
	Total   int                 `json:"total"` // the films in Similar: the list is not paged
}

// filmSimilar serves GET /api/v1/films/{slug}/similar: the film's
// precomputed similar films, best first, each with its reasons.
func (s *Server) filmSimilar(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", 12, 1, 30)
	if err != nil {
		return err
	}
	ref, list, err := s.store.SimilarFilms(r.Context(), r.PathValue("slug"), limit)
	if err != nil {
		return err
	}
	if list == nil {
		list = []store.SimilarFilm{}
	}
	return writeJSON(w, r, SimilarList{Film: ref, Similar: list, Total: len(list)}, timeZero)
}
