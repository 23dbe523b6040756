package web

import (
	"net/http"

	"marquee/internal/member"
)

// filmDiary logs a viewing of a film in the signed-in member's diary.
func (s *Server) filmDiary(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	rating, err := formRating(r, "rating")
	if err != nil {
		return memberBadRequest(err)
	}
	d := member.DiaryEntry{FilmSlug: slug, WatchedOn: r.PostFormValue("watched_on"), Rating: rating,
		Rewatch: r.PostFormValue("rewatch") == "1", Liked: r.PostFormValue("liked") == "1", Tags: member.SplitTags(r.PostFormValue("tags"))}
	if _, err := s.store.LogViewing(r.Context(), signedIn(r).ID, d); err != nil {
		return memberBadRequest(err)
	}
	backToFilm(w, r, slug, "members")
	return nil
}
