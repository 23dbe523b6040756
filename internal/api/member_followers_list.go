package api

import "net/http"

// memberFollowersList answers GET /api/v1/members/{name}/followers.
func (s *Server) memberFollowersList(w http.ResponseWriter, r *http.Request) error {
	uid, _, _, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	names, err := s.store.Followers(r.Context(), uid)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, memberPage(names))
}

func memberPage(names []string) MemberPage {
	if names == nil {
		names = []string{}
	}
	return MemberPage{Total: len(names), Members: names}
}
