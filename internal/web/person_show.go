package web

import "net/http"

func (s *Server) personShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	person, err := s.store.GetPerson(ctx, slug)
	if err != nil {
		return err
	}
	p := &personPage{Base: s.base(r, person.Name), Person: person}
	if p.Credits, err = s.store.PersonCredits(ctx, slug); err != nil {
		return err
	}
	if p.Characters, err = s.store.PersonCharacters(ctx, slug); err != nil {
		return err
	}
	if p.Mentioned, err = s.store.DossiersMentioning(ctx, "person", slug); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "person", p)
	return nil
}
