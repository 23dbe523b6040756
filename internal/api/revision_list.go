package api

import (
	"net/http"
	"time"

	"marquee/internal/film"
)

// revisionList serves GET /api/v1/films/{key}/revisions: the dossier's
// history, newest first, with size changes (before= pages back).
func (s *Server) revisionList(w http.ResponseWriter, r *http.Request) error {
	slug, err := s.filmSlug(r.Context(), r.PathValue("key"))
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	before, err := intParam(r, "before", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	revs, err := s.store.DossierHistory(r.Context(), slug, before, limit+1)
	if err != nil {
		return err
	}
	nums, err := s.store.DossierRevisionNumbers(r.Context(), slug)
	if err != nil {
		return err
	}
	out := RevisionList{Revisions: revs, Total: len(nums)}
	if len(revs) > limit {
		out.Revisions = revs[:limit]
		out.Older = revs[limit-1].Revision
	}
	if out.Revisions == nil {
		out.Revisions = []film.Revision{}
	}
	return writeJSON(w, r, out, time.Time{})
}
