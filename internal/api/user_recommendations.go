package api

import (
	"net/http"
	"strings"

	"marquee/internal/auth"
	"marquee/internal/film"
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
// A member's are served to that member only; to anyone else the member
// is not found.
func (s *Server) userRecommendations(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", 20, 1, 100)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	// A member's picks say what they rated: only they may read them. A
	// MovieLens user's come from the public MovieLens release.
	if !strings.HasPrefix(name, "ml:") {
		if u, _ := auth.UserFrom(r.Context()); u == nil || u.Username != name {
			return &film.NotFoundError{Entity: "user", Key: name}
		}
	}
	picks, err := recommend.ForPerson(r.Context(), s.store, name, limit)
	if err != nil {
		return err
	}
	return writeJSON(w, r, Recommendations{User: name, Recommendations: picks, Total: len(picks)}, timeZero)
}
