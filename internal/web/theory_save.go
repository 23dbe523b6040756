package web

import (
	"net/http"

	"marquee/internal/film"
)

// theorySave posts a member's theory on a film.
func (s *Server) theorySave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := parseForm(w, r); err != nil {
		return err
	}
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	t := &film.Theory{FilmSlug: slug, UserID: v.ID, Title: r.PostFormValue("title"), Body: r.PostFormValue("body"),
		Spoiler: r.PostFormValue("spoiler") != ""}
	err = s.store.CreateTheory(ctx, t)
	if msg := formMessage(err); msg != "" {
		p := &theoriesPage{Viewer: v, Film: headOf(f), Sort: "top", Page: 1, Error: msg,
			Form: theoryForm{Title: t.Title, Body: t.Body, Spoiler: t.Spoiler}}
		if err := s.fillTheories(r, p); err != nil {
			return err
		}
		p.Base = s.newBase(r, "Fan theories about "+headOf(f).Label(), "")
		s.render(w, r, http.StatusBadRequest, "theories", p)
		return nil
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(t.ID))
}
