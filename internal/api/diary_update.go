package api

import (
	"encoding/json"
	"net/http"

	"marquee/internal/auth"
)

// diaryEdit is the body of PATCH /api/v1/diary/{id}; absent fields stay,
// a null rating removes the entry's rating.
type diaryEdit struct {
	WatchedOn *string         `json:"watched_on"`
	Rating    json.RawMessage `json:"rating"`
	Rewatch   *bool           `json:"rewatch"`
	Liked     *bool           `json:"liked"`
	Tags      []string        `json:"tags"`
}

// diaryUpdate answers PATCH /api/v1/diary/{id}: its owner changes the
// entry, answered with it.
func (s *Server) diaryUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in diaryEdit
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.store.DiaryEntryByID(ctx, id)
	if err != nil {
		return err
	}
	if in.WatchedOn != nil {
		d.WatchedOn = *in.WatchedOn
	}
	if in.Rating != nil {
		var stars *float64
		if err := json.Unmarshal(in.Rating, &stars); err != nil {
			return &auth.FormError{Field: "rating", Msg: "rating must be a number of stars from 0.5 to 5, or null"}
		}
		if d.Rating, err = jsonStars("rating", stars); err != nil {
			return err
		}
	}
	if in.Rewatch != nil {
		d.Rewatch = *in.Rewatch
	}
	if in.Liked != nil {
		d.Liked = *in.Liked
	}
	if in.Tags != nil {
		d.Tags = in.Tags
	}
	u, _ := auth.UserFrom(ctx)
	if err := s.store.UpdateDiaryEntry(ctx, u.ID, id, d); err != nil {
		return memberErr(err)
	}
	if d, err = s.store.DiaryEntryByID(ctx, id); err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, diaryJSON(d))
}
