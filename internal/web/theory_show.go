package web

import (
	"net/http"

	"marquee/internal/film"
)

func (s *Server) theoryShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v := s.viewerOf(r)
	t, err := s.store.Theory(ctx, id, v.ID)
	if err != nil {
		return err
	}
	if t.Hidden && !v.IsEditor() {
		return &film.NotFoundError{Entity: "theory", Key: itoa64(id)}
	}
	f, err := s.store.GetFilm(ctx, t.FilmSlug)
	if err != nil {
		return err
	}
	p := &theoryPage{Viewer: v, Film: headOf(f), Theory: viewTheory(*t), IsOwner: v.SignedIn() && v.ID == t.UserID}
	if t.ThreadID != 0 {
		if p.Thread, err = s.store.Thread(ctx, t.ThreadID, v.ID); err != nil {
			return err
		}
		cs, err := s.store.ThreadComments(ctx, t.ThreadID)
		if err != nil {
			return err
		}
		p.Comments = viewComments(cs, v.IsEditor())
	}
	p.Base = s.newBase(r, t.Title+" · a theory about "+headOf(f).Label(), "A fan theory about "+headOf(f).Label()+": "+t.Title)
	s.render(w, r, http.StatusOK, "theory", p)
	return nil
}
