package web

import (
	"errors"
	"net/http"

	"marquee/internal/film"
)

func (s *Server) filmShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	p := &filmPage{Base: s.base(r, f.Title), Film: f}
	credits, err := s.store.FilmCredits(ctx, slug)
	if err != nil {
		return err
	}
	for _, c := range credits {
		switch c.Role {
		case film.RoleDirector:
			p.Directors = append(p.Directors, c)
		case film.RoleWriter:
			p.Writers = append(p.Writers, c)
		case film.RoleCast:
			p.Cast = append(p.Cast, c)
		default:
			p.Crew = append(p.Crew, c)
		}
	}
	if p.Characters, err = s.store.FilmCharacters(ctx, slug); err != nil {
		return err
	}
	if p.BoxOffice, err = s.store.GetBoxOffice(ctx, slug); err != nil && !errors.Is(err, film.ErrNotFound) {
		return err
	}
	if p.Festivals, err = s.store.Festivals(ctx, slug); err != nil {
		return err
	}
	if p.Advisories, err = s.store.Advisories(ctx, slug); err != nil {
		return err
	}
	if p.Relations, err = s.store.Relations(ctx, slug); err != nil {
		return err
	}
	if p.Dossier, err = s.store.GetDossier(ctx, slug); err != nil && !errors.Is(err, film.ErrNotFound) {
		return err
	}
	s.render(w, r, http.StatusOK, "film", p)
	return nil
}
