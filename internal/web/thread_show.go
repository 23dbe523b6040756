package web

import (
	"net/http"

	"marquee/internal/film"
)

func (s *Server) threadShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v := s.viewerOf(r)
	th, err := s.store.Thread(ctx, id, v.ID)
	if err != nil {
		return err
	}
	if th.Scope == film.ScopeTheory {
		http.Redirect(w, r, "/theories/"+itoa64(th.TheoryID), http.StatusMovedPermanently)
		return nil
	}
	f, err := s.store.GetFilm(ctx, th.FilmSlug)
	if err != nil {
		return err
	}
	cs, err := s.store.ThreadComments(ctx, id)
	if err != nil {
		return err
	}
	p := &threadPage{Viewer: v, Film: headOf(f), Thread: th, Comments: viewComments(cs, v.IsEditor())}
	p.Base = s.newBase(r, th.Title+" · Talk: "+headOf(f).Label(), "A discussion of "+headOf(f).Label()+": "+th.Title)
	s.render(w, r, http.StatusOK, "thread", p)
	return nil
}
