package web

import "net/http"

// placeShow answers /places/{slug}: the films whose dossiers name the
// place, those that name it most first, each with the sentence that does.
func (s *Server) placeShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	name, err := s.store.LinkName(ctx, "place", slug)
	if err != nil {
		return err
	}
	p := &placePage{Name: name, Slug: slug}
	films, err := s.store.DossiersMentioning(ctx, "place", slug)
	if err != nil {
		return err
	}
	if p.Films, err = s.mentionsOf(ctx, films, name); err != nil {
		return err
	}
	p.Base = s.newBase(r, name, "Films whose dossiers are set in or mention "+name+".")
	s.render(w, r, http.StatusOK, "place", p)
	return nil
}
