package api

import (
	"net/http"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// theoryList serves GET /api/v1/films/{key}/theories: a film's visible
// theories, best first (sort=top) or newest first (sort=new).
func (s *Server) theoryList(w http.ResponseWriter, r *http.Request) error {
	slug, err := s.filmSlug(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, 0, 100000)
	if err != nil {
		return err
	}
	sort := r.URL.Query().Get("sort")
	if sort != "" && sort != "top" && sort != "new" {
		return &paramError{Param: "sort", Reason: "sort must be top or new"}
	}
	list, total, err := s.store.FilmTheories(r.Context(), slug, store.TheoryFilter{Sort: sort, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := TheoryList{Theories: list, Total: total}
	if out.Theories == nil {
		out.Theories = []film.Theory{}
	}
	return writeJSON(w, r, out, time.Time{})
}
