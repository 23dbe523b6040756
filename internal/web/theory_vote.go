package web

import (
	"net/http"
	"strings"

	"marquee/internal/httpx"
)

// theoryVote records the reader's vote on a theory: up, down, or none to
// withdraw it.
func (s *Server) theoryVote(w http.ResponseWriter, r *http.Request) error {
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
	value := 0
	switch strings.TrimSpace(r.PostFormValue("vote")) {
	case "up":
		value = 1
	case "down":
		value = -1
	case "none":
	default:
		return &httpx.ParamError{Param: "vote", Reason: "vote must be up, down or none"}
	}
	if err := s.store.VoteTheory(r.Context(), id, v.ID, value); err != nil {
		return err
	}
	return seeOther(w, r, "/theories/"+itoa64(id))
}
