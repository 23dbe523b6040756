package api

import (
	"net/http"

	"marquee/internal/auth"
)

// meFeedShow answers GET /api/v1/me/feed: the activity of the members the
// caller follows, latest first, as on the site's Following page.
func (s *Server) meFeedShow(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	acts, err := s.store.Feed(r.Context(), u.ID, activityLimit)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, activityPage(acts))
}
