package web

import "net/http"

// followingShow renders the activity of the members the signed-in member
// follows.
func (s *Server) followingShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	acts, err := s.store.Feed(r.Context(), u.ID, 100)
	if err != nil {
		return err
	}
	follows, err := s.store.Following(r.Context(), u.ID)
	if err != nil {
		return err
	}
	replies, err := s.store.FollowedReplies(r.Context(), u.ID, 50)
	if err != nil {
		return err
	}
	p := &followingPage{Base: s.privateBase(r, "Following"), Activity: acts, Follows: follows, Replies: replies}
	s.render(w, r, http.StatusOK, "following", p)
	return nil
}
