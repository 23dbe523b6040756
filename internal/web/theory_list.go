package web

import (
	"net/http"

	"marquee/internal/store"
)

// theoriesPageSize is the number of theories a page lists.
const theoriesPageSize = 20

func (s *Server) theoryList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return err
	}
	sort := r.URL.Query().Get("sort")
	if sort != "new" {
		sort = "top"
	}
	p := &theoriesPage{Viewer: s.viewerOf(r), Film: headOf(f), Sort: sort, Page: pg}
	if err := s.fillTheories(r, p); err != nil {
		return err
	}
	p.Base = s.newBase(r, "Fan theories about "+headOf(f).Label(), "Members' theories about "+headOf(f).Label()+", voted up and down and argued over.")
	s.render(w, r, http.StatusOK, "theories", p)
	return nil
}

// fillTheories loads one page of the film's theories into p.
func (s *Server) fillTheories(r *http.Request, p *theoriesPage) error {
	list, total, err := s.store.FilmTheories(r.Context(), p.Film.Slug, store.TheoryFilter{
		Sort: p.Sort, Hidden: p.Viewer.IsEditor(), Limit: theoriesPageSize, Offset: (p.Page - 1) * theoriesPageSize})
	if err != nil {
		return err
	}
	p.Total, p.Pages = total, (total+theoriesPageSize-1)/theoriesPageSize
	for _, t := range list {
		p.Theories = append(p.Theories, viewTheory(t))
	}
	return nil
}
