package api

import (
	"net/http"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// changeList serves GET /api/v1/recent-changes?film=&kind=: the newest
// edits, theories and comments.
func (s *Server) changeList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := store.ChangeFilter{Film: q.Get("film"), Kind: q.Get("kind")}
	switch f.Kind {
	case "", "edit", "theory", "comment":
	default:
		return &paramError{Param: "kind", Reason: "kind must be edit, theory or comment"}
	}
	limit, err := intParam(r, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	f.Limit = limit
	cs, err := s.store.RecentChanges(r.Context(), f)
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []film.Change{}
	}
	return writeJSON(w, r, ChangeList{Changes: cs, Total: len(cs)}, time.Time{})
}
