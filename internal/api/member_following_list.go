package api

import "net/http"

// memberFollowingList answers GET /api/v1/members/{name}/following: the
// members they follow.
func (s *Server) memberFollowingList(w http.ResponseWriter, r *http.Request) error {
	uid, _, _, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	names, err := s.store.Following(r.Context(), uid)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, memberPage(names))
}
