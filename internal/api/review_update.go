package api

import (
	"encoding/json"
	"net/http"

	"marquee/internal/auth"
)

// reviewEdit is the body of PATCH /api/v1/reviews/{id}; absent fields stay,
// a null rating removes the review's rating.
type reviewEdit struct {
	Body    *string         `json:"body"`
	Spoiler *bool           `json:"spoiler"`
	Rating  json.RawMessage `json:"rating"`
}

// reviewUpdate answers PATCH /api/v1/reviews/{id}: its author edits it,
// answered with the review.
func (s *Server) reviewUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in reviewEdit
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	rv, err := s.store.GetReview(ctx, id)
	if err != nil {
		return err
	}
	if in.Body != nil {
		rv.Body = *in.Body
	}
	if in.Spoiler != nil {
		rv.Spoiler = *in.Spoiler
	}
	if in.Rating != nil {
		var stars *float64
		if err := json.Unmarshal(in.Rating, &stars); err != nil {
			return &auth.FormError{Field: "rating", Msg: "rating must be a number of stars from 0.5 to 5, or null"}
		}
		if rv.Rating, err = jsonStars("rating", stars); err != nil {
			return err
		}
	}
	u, _ := auth.UserFrom(ctx)
	if err := s.store.UpdateReview(ctx, u.ID, id, rv); err != nil {
		return memberErr(err)
	}
	if rv, err = s.store.GetReview(ctx, id); err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, reviewJSON(rv, viewerOf(r)))
}
