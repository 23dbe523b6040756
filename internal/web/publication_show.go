package web

import "net/http"

func (s *Server) publicationShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	name, err := s.store.LinkName(ctx, "publication", slug)
	if err != nil {
		return err
	}
	qs, films, err := s.store.QuotesFrom(ctx, slug)
	if err != nil {
		return err
	}
	p := &publicationPage{Name: name}
	for i, q := range qs {
		p.Quotes = append(p.Quotes, quoteInFilm{Quote: q, Film: films[i]})
	}
	p.Base = s.newBase(r, name, "What "+name+" wrote about the films in the catalog.")
	s.render(w, r, http.StatusOK, "publication", p)
	return nil
}
