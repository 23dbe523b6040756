package api

import (
	"net/http"

	"marquee/internal/recommend"
)

// Recommendations is the body of GET /api/v1/users/{name}/recommendations.
type Recommendations struct {
	User            string           `json:"user"`
	Recommendations []recommend.Pick `json:"recommendations"`
	Total           int              `json:"total"` // the picks in Recommendations: the list is not paged
}

// userRecommendations serves GET /api/v1/users/{name}/recommendations,
// where name is a member's name or ml:ID for a MovieLens user: films
// they have not rated or logged, each with the ratings that led to it.
func (s *Server) userRecommendations(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	picks, err := recommend.ForPerson(r.Context(), s.store, name, limit)
	if err != nil {
		return err
	}
	return writeJSON(w, r, Recommendations{User: name, Recommendations: picks, Total: len(picks)}, timeZero)
}
