package api

import (
	"net/http"
	"time"

	"marquee/internal/store"
)

// filmMembersShow answers GET /api/v1/films/{slug}/members: the members'
// histogram, mean, count, likes and reviews (?order=likes for most liked).
// An editor also gets the reviews editors hid, each review with its hidden
// state; an author gets the hidden state of their own.
func (s *Server) filmMembersShow(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(r.Context(), slug)
	if err != nil {
		return err
	}
	h, err := s.store.FilmHistogram(r.Context(), f.ID)
	if err != nil {
		return err
	}
	order := store.ByRecency
	switch r.URL.Query().Get("order") {
	case "", "recent":
	case "likes":
		order = store.ByLikes
	default:
		return &paramError{Param: "order", Reason: `must be "recent" or "likes"`}
	}
	v := viewerOf(r)
	reviews := s.store.FilmReviews
	if v.editor {
		reviews = s.store.FilmReviewsWithHidden
	}
	rs, err := reviews(r.Context(), f.ID, order, 50)
	if err != nil {
		return err
	}
	out := FilmMembers{Film: slug, Source: "marquee-members", Histogram: h.Counts[:], Count: h.Count(), Mean: h.Mean(), Likes: h.Likes, Reviews: []ReviewJSON{}}
	for _, rv := range rs {
		out.Reviews = append(out.Reviews, reviewJSON(rv, v))
	}
	if v.username != "" {
		// An editor's answer holds hidden reviews, an author's their
		// hidden state: neither may be cached for anyone else.
		return privateJSON(w, r, http.StatusOK, out)
	}
	return writeJSON(w, r, out, time.Time{})
}
