package api

import (
	"net/http"
	"time"

	"marquee/internal/wiki"
)

// diffShow serves GET /api/v1/films/{key}/diff?from=A&to=B: what changed
// between two revisions, paragraph by paragraph and word by word.
func (s *Server) diffShow(w http.ResponseWriter, r *http.Request) error {
	slug, err := s.filmSlug(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	from, err := intParam(r, "from", 0, 1, 1<<30)
	if err != nil {
		return err
	}
	to, err := intParam(r, "to", 0, 1, 1<<30)
	if err != nil {
		return err
	}
	if from == 0 || to == 0 {
		return &paramError{Param: "from", Reason: "from and to are required revision numbers"}
	}
	a, b, blocks, st, err := wiki.New(s.store).Compare(r.Context(), slug, from, to)
	if err != nil {
		return err
	}
	return writeJSON(w, r, diffOf(a, b, blocks, st), time.Time{})
}
