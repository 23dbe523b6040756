package api

import "net/http"

// memberReviewsList answers GET /api/v1/members/{name}/reviews, latest
// first; reviews hidden by an editor only to their author.
func (s *Server) memberReviewsList(w http.ResponseWriter, r *http.Request) error {
	uid, _, self, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	rs, err := s.store.MemberReviews(r.Context(), uid)
	if err != nil {
		return err
	}
	out := ReviewPage{Reviews: []ReviewJSON{}}
	for _, rv := range rs {
		if !rv.Hidden || self {
			out.Reviews = append(out.Reviews, reviewJSON(rv))
		}
	}
	out.Total = len(out.Reviews)
	return privateJSON(w, r, http.StatusOK, out)
}
