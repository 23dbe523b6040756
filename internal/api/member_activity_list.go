package api

import "net/http"

// activityLimit is how much activity a feed answers with, as the site's.
const activityLimit = 100

// memberActivityList answers GET /api/v1/members/{name}/activity: what the
// member did, latest first; private activity (a private diary or list)
// only to the member.
func (s *Server) memberActivityList(w http.ResponseWriter, r *http.Request) error {
	uid, _, self, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	acts, err := s.store.MemberActivity(r.Context(), uid, self, activityLimit)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, activityPage(acts))
}
