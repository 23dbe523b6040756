package web

import (
	"net/http"

	"marquee/internal/film"
)

// commentSave posts a comment in a thread, as a reply to the comment named
// by the form's parent field when it has one.
func (s *Server) commentSave(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return err
	}
	th, err := s.store.Thread(ctx, id, 0)
	if err != nil {
		return err
	}
	cid, err := s.store.AddComment(ctx, id, parseID(r.PostFormValue("parent")), v.ID, r.PostFormValue("body"))
	if err != nil {
		return err
	}
	back := "/threads/" + itoa64(id)
	if th.Scope == film.ScopeTheory {
		back = "/theories/" + itoa64(th.TheoryID)
	}
	return seeOther(w, r, back+"#comment-"+itoa64(cid))
}
