package web

import (
	"net/http"

	"marquee/internal/httpx"

	"marquee/internal/search"
)

// searchShow serves /search: ranked results across films, people,
// characters, themes and dossier passages, with a tab per kind.
func (s *Server) searchShow(w http.ResponseWriter, r *http.Request) error {
	q, err := textParam(r, "q", search.MaxQueryBytes)
	if err != nil {
		return err
	}
	kind := r.URL.Query().Get("kind")
	switch kind {
	case "", search.KindFilm, search.KindPerson, search.KindCharacter, search.KindTheme, search.KindDossier:
	default:
		return &badRequest{Param: "kind", Reason: "must be film, person, character, theme or dossier"}
	}
	pg, err := intParam(r, "page", 1, 1, 50)
	if err != nil {
		return err
	}
	p := &searchPage{Q: q, Kind: kind}
	p.Base = s.newBase(r, "Search", "Search films, people, characters, themes and dossiers.")
	p.NoIndex = true
	if q != "" {
		p.Title = "Search: " + q
		const per = 20
		filter, err := httpx.FilmFilter(r)
		if err != nil {
			return err
		}
		res, err := s.search.Search(r.Context(), search.Query{Text: q, Kind: kind, Filter: filter, Limit: per, Offset: (pg - 1) * per})
		if err != nil {
			return err
		}
		p.Results = res
		if kind != search.KindPerson && kind != search.KindTheme {
			if p.Facets, err = s.searchFacets(r.Context(), r, res); err != nil {
				return err
			}
		}
		// Page numbers over the hits the engine keeps (at most 200), which
		// is what Total counts.
		p.pager = newPager(r, pg, res.Total, per)
		for _, k := range []struct{ kind, label string }{{"", "All"}, {search.KindFilm, "Films"}, {search.KindPerson, "People"},
			{search.KindCharacter, "Characters"}, {search.KindTheme, "Themes"}, {search.KindDossier, "Dossiers"}} {
			p.Kinds = append(p.Kinds, kindTab{Kind: k.kind, Label: k.label, URL: withParam(r, "kind", k.kind), Current: k.kind == kind})
		}
	}
	s.render(w, r, p.status(), "search", p)
	return nil
}
