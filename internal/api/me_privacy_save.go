package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// privacyWrite is the body of PUT /api/v1/me/privacy: every setting,
// as the site's form sends them.
type privacyWrite struct {
	Profile      string   `json:"profile"`
	DiaryPrivate bool     `json:"diary_private"`
	Favourites   []string `json:"favourites"`
}

// mePrivacySave answers PUT /api/v1/me/privacy: the caller's profile made
// public or members-only, diary private or not, and favourite four; it
// answers with the settings as stored.
func (s *Server) mePrivacySave(w http.ResponseWriter, r *http.Request) error {
	var in privacyWrite
	if err := decodeBody(w, r, &in); err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	st := member.Settings{Profile: member.Privacy(in.Profile), DiaryPrivate: in.DiaryPrivate, Favourites: in.Favourites}
	if err := s.store.SaveMemberSettings(r.Context(), u.ID, st); err != nil {
		return memberErr(err)
	}
	return s.mePrivacyShow(w, r)
}
