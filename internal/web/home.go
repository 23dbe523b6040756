package web

import (
	"net/http"
	"time"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &homePage{Base: s.newBase(r, "Marquee: a film encyclopedia", "Long-form dossiers on films, with their facts, people, characters and themes.")}
	var err error
	if p.Dossiers, err = s.store.DossierFilms(ctx, 12); err != nil {
		return err
	}
	if p.Films, err = s.store.LatestFilms(ctx, time.Now().Year(), 24); err != nil {
		return err
	}
	if p.Total, err = s.store.CountRows(ctx, "films"); err != nil {
		return err
	}
	if p.Decades, err = s.store.Decades(ctx); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "home", p)
	return nil
}
