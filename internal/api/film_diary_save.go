package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// diaryCreate is the body of POST /api/v1/films/{slug}/diary.
type diaryCreate struct {
	WatchedOn string   `json:"watched_on"`
	Rating    *float64 `json:"rating"`
	Rewatch   bool     `json:"rewatch"`
	Liked     bool     `json:"liked"`
	Tags      []string `json:"tags"`
}

// filmDiarySave answers POST /api/v1/films/{slug}/diary: log a viewing.
func (s *Server) filmDiarySave(w http.ResponseWriter, r *http.Request) error {
	var in diaryCreate
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	rating, err := jsonStars("rating", in.Rating)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	d := member.DiaryEntry{FilmSlug: r.PathValue("slug"), WatchedOn: in.WatchedOn, Rating: rating, Rewatch: in.Rewatch, Liked: in.Liked, Tags: in.Tags}
	id, err := s.store.LogViewing(r.Context(), u.ID, d)
	if err != nil {
		return memberErr(err)
	}
	if in.Tags == nil {
		in.Tags = []string{}
	}
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusCreated)
	return writeJSON(w, r, DiaryJSON{ID: id, Film: d.FilmSlug, WatchedOn: d.WatchedOn, Rating: starsPtr(rating), Rewatch: d.Rewatch, Liked: d.Liked, Tags: in.Tags}, time.Time{})
}
