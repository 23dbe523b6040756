package api

import (
	"net/http"

	"marquee/internal/film"
)

// memberListShow answers GET /api/v1/members/{name}/lists/{slug}: one list
// with its entries. A private list is only its owner's; anyone else gets a
// 404, so its existence does not leak.
func (s *Server) memberListShow(w http.ResponseWriter, r *http.Request) error {
	_, _, self, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	name, slug := r.PathValue("name"), r.PathValue("slug")
	l, err := s.store.GetList(r.Context(), name, slug)
	if err != nil {
		return err
	}
	if !l.Public && !self {
		return &film.NotFoundError{Entity: "list", Key: name + "/" + slug}
	}
	return privateJSON(w, r, http.StatusOK, listDetail(l))
}
