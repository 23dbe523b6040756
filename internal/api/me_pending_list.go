package api

import (
	"net/http"

	"marquee/internal/auth"
)

// PendingJSON is an imported row waiting for the member: unmatched (no
// film found) or fuzzy (found by another title or year; Suggested names
// the film).
type PendingJSON struct {
	ID        int64  `json:"id"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Title     string `json:"title"`
	Year      int    `json:"year,omitempty"`
	Kind      string `json:"kind"`
	Suggested string `json:"suggested,omitempty"`
}

// PendingPage is the caller's pending rows with their total.
type PendingPage struct {
	Total   int           `json:"total"`
	Pending []PendingJSON `json:"pending"`
}

// mePendingList answers GET /api/v1/me/pending: the caller's imported rows
// waiting for a film, as the site's settings page lists them.
func (s *Server) mePendingList(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	ps, err := s.store.PendingImports(r.Context(), u.ID)
	if err != nil {
		return err
	}
	out := PendingPage{Total: len(ps), Pending: make([]PendingJSON, 0, len(ps))}
	for _, p := range ps {
		out.Pending = append(out.Pending, PendingJSON{ID: p.ID, File: p.File, Line: p.Line, Title: p.Title, Year: p.Year, Kind: p.Kind, Suggested: p.Suggested})
	}
	return privateJSON(w, r, http.StatusOK, out)
}
