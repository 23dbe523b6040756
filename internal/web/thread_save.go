package web

import (
	"net/http"

	"marquee/internal/film"
)

// threadSave opens a thread on a film's talk page (scope film or dossier).
func (s *Server) threadSave(w http.ResponseWriter, r *http.Request) error {
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
	scope := film.ThreadScope(r.PostFormValue("scope"))
	title, body := r.PostFormValue("title"), r.PostFormValue("body")
	id, err := s.store.CreateThread(ctx, slug, scope, title, body, v.ID)
	if msg := formMessage(err); msg != "" {
		p := &talkPage{Viewer: v, Film: headOf(f), Error: msg, Scope: string(scope), FormTitle: title, FormBody: body}
		if err := s.fillTalk(r, p); err != nil {
			return err
		}
		p.Base = s.newBase(r, "Talk: "+headOf(f).Label(), "")
		s.render(w, r, http.StatusBadRequest, "talk", p)
		return nil
	}
	if err != nil {
		return err
	}
	return seeOther(w, r, "/threads/"+itoa64(id))
}
