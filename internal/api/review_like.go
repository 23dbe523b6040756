package api

import (
	"net/http"
	"strconv"

	"marquee/internal/auth"
	"marquee/internal/film"
)

// reviewLike answers PUT /api/v1/reviews/{id}/like: the caller likes the
// review ({"on": true}) or takes the like back; liking twice counts once.
// It answers with the review and its like count; a review hidden by an
// editor is a 404 to everyone but editors and its author.
func (s *Server) reviewLike(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in onOff
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	if in.On == nil {
		return &auth.FormError{Field: "on", Msg: "on: must be true or false"}
	}
	v := viewerOf(r)
	rv, err := s.store.GetReview(r.Context(), id)
	if err != nil {
		return err
	}
	if !v.mayRead(rv) {
		// A hidden review is not there for this caller: liking it
		// must neither count nor hand back its text.
		return &film.NotFoundError{Entity: "review", Key: strconv.FormatInt(id, 10)}
	}
	u, _ := auth.UserFrom(r.Context())
	if err := s.store.LikeReview(r.Context(), u.ID, id, *in.On); err != nil {
		return err
	}
	if rv, err = s.store.GetReview(r.Context(), id); err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, reviewJSON(rv, v))
}
