package web

import (
	"net/http"

	"marquee/internal/film"
	"marquee/internal/markup"
)

// memberListShow renders one list; a private list only to its owner
// (anyone else gets a 404, so its existence does not leak).
func (s *Server) memberListShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	_, _, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	name, slug := r.PathValue("name"), r.PathValue("slug")
	l, err := s.store.GetList(ctx, name, slug)
	if err != nil {
		return err
	}
	if !l.Public && !self {
		return &film.NotFoundError{Entity: "list", Key: name + "/" + slug}
	}
	p := &memberListPage{Base: s.memberBase(r, l.Name), Name: name, List: l, Self: self, HTML: markup.Render(l.Description)}
	s.render(w, r, http.StatusOK, "member_list", p)
	return nil
}
