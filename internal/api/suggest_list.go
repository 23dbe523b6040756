package api

import (
	"marquee/internal/httpx"
	"net/http"

	"marquee/internal/search"
)

// Suggestions answers the search box as the reader types.
type Suggestions struct {
	Suggestions []search.Suggestion `json:"suggestions"`
	Total       int                 `json:"total"` // the suggestions given: the list is not paged
}

// suggestList serves GET /api/v1/suggest?q=…&n=….
func (s *Server) suggestList(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, []string{"q", "n"}); err != nil {
		return err
	}
	q, err := textParam(r, "q", search.MaxQueryBytes)
	if err != nil {
		return err
	}
	n, err := intParam(r, "n", 8, 1, 20)
	if err != nil {
		return err
	}
	out := Suggestions{Suggestions: []search.Suggestion{}}
	if q != "" {
		sug, err := s.search.Suggest(r.Context(), q, n)
		if err != nil {
			return err
		}
		out.Suggestions = nonNil(sug)
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	out.Total = len(out.Suggestions)
	return writeJSON(w, r, out, timeZero)
}
