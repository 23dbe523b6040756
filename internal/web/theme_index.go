package web

import (
	"net/http"
)

// graphThemes bounds the themes drawn on /themes.
const graphThemes = 40

func (s *Server) themeIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &themesPage{Base: s.newBase(r, "Themes", "The themes and motifs of the catalog's films, and how they connect through the films they share.")}
	var err error
	if p.Themes, err = s.store.ThemeList(ctx, 500); err != nil {
		return err
	}
	nodes, edges, err := s.store.ThemeGraph(ctx, "", graphThemes)
	if err != nil {
		return err
	}
	p.Graph = themeGraph("theme-graph", "Themes linked by the films they share", nodes, edges, "")
	s.render(w, r, http.StatusOK, "themes", p)
	return nil
}
