package api

import (
	"net/http"

	"marquee/internal/httpx"
	"marquee/internal/search"
	"marquee/internal/store"
)

// SearchPage is a page of search results; NextCursor is empty on the
// last page.
type SearchPage struct {
	Results    []search.Result          `json:"results"`
	Facets     map[string][]store.Count `json:"facets"`
	Total      int                      `json:"total"`
	NextCursor string                   `json:"next_cursor"`
}

// searchList serves GET /api/v1/search?q=…: ranked results with facets.
func (s *Server) searchList(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, httpx.FilterParams, []string{"q", "kind", "limit", "cursor"}); err != nil {
		return err
	}
	q, err := textParam(r, "q", search.MaxQueryBytes)
	if err != nil {
		return err
	}
	if q == "" {
		return &paramError{Param: "q", Reason: "is required"}
	}
	kind := r.URL.Query().Get("kind")
	switch kind {
	case "", search.KindFilm, search.KindPerson, search.KindCharacter, search.KindTheme, search.KindDossier:
	default:
		return &paramError{Param: "kind", Reason: "must be film, person, character, theme or dossier"}
	}
	limit, err := intParam(r, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	off, err := cursorParam(r, "s")
	if err != nil {
		return err
	}
	if off > 10000 {
		return &paramError{Param: "cursor", Reason: "is past the last result"}
	}
	filter, err := httpx.FilmFilter(r)
	if err != nil {
		return err
	}
	query := search.Query{Text: q, Kind: kind, Filter: filter, Limit: limit, Offset: int(off)}
	res, err := s.search.Search(r.Context(), query)
	if err != nil {
		return err
	}
	out := SearchPage{Results: nonNil(res.Results), Facets: res.Facets, Total: res.Total}
	if out.Facets == nil {
		out.Facets = map[string][]store.Count{}
	}
	for k, v := range out.Facets {
		out.Facets[k] = nonNil(v)
	}
	if next := int(off) + len(res.Results); len(res.Results) > 0 && next < res.Total {
		out.NextCursor = encodeCursor("s", int64(next))
	}
	return writeJSON(w, r, out, timeZero)
}
