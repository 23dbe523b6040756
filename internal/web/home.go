package web

import (
	"net/http"

	"marquee/internal/store"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &homePage{Base: s.newBase(r, "Marquee: a film encyclopedia", "Long-form dossiers on films, with their facts, people, characters and themes.")}
	var err error
	if p.Dossiers, err = s.store.DossierFilms(ctx, 12); err != nil {
		return err
	}
	if p.Films, p.Total, err = s.store.ListFilms(ctx, store.FilmFilter{Sort: "year", Limit: 24}); err != nil {
		return err
	}
	if p.Decades, err = s.store.Decades(ctx); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "home", p)
	return nil
}
