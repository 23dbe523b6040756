package web

import (
	"net/http"

	"marquee/internal/film"
	"marquee/internal/store"
)

func (s *Server) themeShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	t, err := s.store.GetTheme(ctx, slug)
	if err != nil {
		return err
	}
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return err
	}
	list, err := s.listFilms(ctx, r, store.FilmFilter{Filter: film.Filter{Theme: slug}, Sort: "year"}, pg)
	if err != nil {
		return err
	}
	p := &themePage{Theme: t, List: list}
	p.Base = s.newBase(r, t.Name, "Films about "+t.Name+": every film in the catalog tagged with this "+string(t.Kind)+".")
	if pg > 1 {
		p.Canonical += "?page=" + itoa(pg)
	}
	s.render(w, r, http.StatusOK, "theme", p)
	return nil
}
