package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
)

// commentInput is the body of POST /api/v1/threads/{id}/comments.
type commentInput struct {
	Body     string `json:"body"`
	ParentID int64  `json:"parent_id"`
}

// commentSave serves POST /api/v1/threads/{id}/comments: the caller
// comments, as a reply to parent_id when given; the answer is the comment,
// 201.
func (s *Server) commentSave(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	id, err := idParam(r)
	if err != nil {
		return err
	}
	var in commentInput
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	cid, err := s.store.AddComment(r.Context(), id, in.ParentID, u.ID, in.Body)
	if err != nil {
		return err
	}
	auth.Note(r.Context(), "comment "+itoa64(cid), nil, in)
	c, err := s.store.Comment(r.Context(), cid)
	if err != nil {
		return err
	}
	return writeJSONStatus(w, r, http.StatusCreated, c, time.Time{})
}
