package web

import (
	"net/http"
	"strings"
)

// commentHide hides a comment, or shows it again (editors). Replies keep
// their place under a hidden comment.
func (s *Server) commentHide(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, _, err := s.editorPost(w, r, "hide a comment")
	if err != nil {
		return err
	}
	c, err := s.store.Comment(ctx, id)
	if err != nil {
		return err
	}
	if err := s.store.HideComment(ctx, id, r.PostFormValue("hidden") != "false", strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return err
	}
	return seeOther(w, r, "/threads/"+itoa64(c.ThreadID)+"#comment-"+itoa64(id))
}
