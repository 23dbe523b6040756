package web

import (
	"net/http"
	"time"

	"marquee/internal/store"
)

// writtenFilm is a film whose dossier was written or revised lately.
type writtenFilm struct {
	store.DossierFilm
	Revised time.Time
}

// home serves /: what is popular, what was added lately and which
// dossiers were written or revised lately, then the decades.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &homePage{Base: s.newBase(r, "Marquee: a film encyclopedia", "Long-form dossiers on films, with their facts, people, characters and themes.")}
	written, err := s.store.DossierFilms(ctx, 8)
	if err != nil {
		return err
	}
	for _, d := range written {
		p.Dossiers = append(p.Dossiers, writtenFilm{DossierFilm: d, Revised: time.Unix(d.UpdatedAt, 0).UTC()})
	}
	popular, err := s.store.PopularFilms(ctx, 8)
	if err != nil {
		return err
	}
	if p.Popular, err = s.filmRows(ctx, popular); err != nil {
		return err
	}
	recent, err := s.store.RecentlyAddedFilms(ctx, 8)
	if err != nil {
		return err
	}
	if p.Recent, err = s.filmRows(ctx, recent); err != nil {
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
