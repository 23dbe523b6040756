package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
)

// voteInput is the body of PUT /api/v1/theories/{id}/vote.
type voteInput struct {
	Value *int `json:"value"` // 1 up, -1 down, 0 withdraw
}

// theoryVote serves PUT /api/v1/theories/{id}/vote; the answer is the
// theory with its new score.
func (s *Server) theoryVote(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	id, err := idParam(r)
	if err != nil {
		return err
	}
	var in voteInput
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.Value == nil {
		return &paramError{Param: "value", Reason: "value is required: 1, -1 or 0"}
	}
	if err := s.store.VoteTheory(r.Context(), id, u.ID, *in.Value); err != nil {
		return err
	}
	auth.Note(r.Context(), "theory "+itoa64(id), nil, map[string]int{"vote": *in.Value})
	t, err := s.store.Theory(r.Context(), id, u.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, r, t, time.Time{})
}
