package web

import (
	"net/http"

	"marquee/internal/film"
)

// talkShow is a film's talk page: threads about the film and about its
// dossier.
func (s *Server) talkShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	p := &talkPage{Viewer: s.viewerOf(r), Film: headOf(f), Scope: r.URL.Query().Get("scope")}
	if err := s.fillTalk(r, p); err != nil {
		return err
	}
	p.Base = s.newBase(r, "Talk: "+headOf(f).Label(), "Discussion of "+headOf(f).Label()+" and of its dossier.")
	s.render(w, r, http.StatusOK, "talk", p)
	return nil
}

func (s *Server) fillTalk(r *http.Request, p *talkPage) (err error) {
	if p.FilmThreads, err = s.store.FilmThreads(r.Context(), p.Film.Slug, film.ScopeFilm, 100); err != nil {
		return err
	}
	p.DossierThreads, err = s.store.FilmThreads(r.Context(), p.Film.Slug, film.ScopeDossier, 100)
	return err
}
