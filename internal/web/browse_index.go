package web

import (
	"net/http"
)

func (s *Server) browseIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &browsePage{Base: s.newBase(r, "Browse", "Browse films by decade, genre, certification, theme and director.")}
	var err error
	if p.Decades, err = s.store.Decades(ctx); err != nil {
		return err
	}
	if p.Genres, err = s.store.Genres(ctx); err != nil {
		return err
	}
	if p.Certifications, err = s.store.Certifications(ctx); err != nil {
		return err
	}
	themes, err := s.store.Themes(ctx)
	if err != nil {
		return err
	}
	for _, t := range themes {
		th, err := s.store.GetTheme(ctx, t.Value)
		if err != nil {
			return err
		}
		p.Themes = append(p.Themes, themeCount{Theme: th, Count: t.Count})
		if len(p.Themes) == 60 {
			break
		}
	}
	if p.Awards, err = s.store.AwardCategories(ctx); err != nil {
		return err
	}
	dirs, err := s.store.TopDirectors(ctx, 40)
	if err != nil {
		return err
	}
	for _, d := range dirs {
		dc := directorCount{Slug: d.Value, Name: d.Value, Count: d.Count}
		if person, err := s.store.GetPerson(ctx, d.Value); err == nil {
			dc.Name = person.Name
		}
		p.Directors = append(p.Directors, dc)
	}
	s.render(w, r, http.StatusOK, "browse", p)
	return nil
}
