package api

import "net/http"

// memberReviewsList answers GET /api/v1/members/{name}/reviews, latest
// first; reviews hidden by an editor only to their author and to editors,
// who also see each review's hidden state.
func (s *Server) memberReviewsList(w http.ResponseWriter, r *http.Request) error {
	uid, _, _, err := s.memberAccess(r.Context(), r)
	if err != nil {
		return err
	}
	rs, err := s.store.MemberReviews(r.Context(), uid)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	out := ReviewPage{Reviews: []ReviewJSON{}}
	for _, rv := range rs {
		if v.mayRead(rv) {
			out.Reviews = append(out.Reviews, reviewJSON(rv, v))
		}
	}
	out.Total = len(out.Reviews)
	return privateJSON(w, r, http.StatusOK, out)
}
