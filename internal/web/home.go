package web

import (
	"net/http"

	"marquee/internal/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	films, total, err := s.store.ListFilms(r.Context(), store.FilmFilter{Sort: "year", Limit: 100})
	if err != nil {
		return err
	}
	p := &homePage{Base: s.base(r, "Films"), Films: films, Total: total}
	s.render(w, r, http.StatusOK, "home", p)
	return nil
}
