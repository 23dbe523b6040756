package api

import (
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/member"
	"marquee/internal/store"
)

// memberDiaryList answers GET /api/v1/members/{name}/diary, honouring the
// member's privacy: a members-only profile needs a caller, a private diary
// its owner.
func (s *Server) memberDiaryList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	name := r.PathValue("name")
	uid, err := s.store.MemberID(ctx, name)
	if err != nil {
		return err
	}
	st, err := s.store.MemberSettings(ctx, uid)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(ctx)
	self := u != nil && u.ID == uid
	if st.Profile == member.ProfileMembers && u == nil || st.DiaryPrivate && !self {
		return &store.ForbiddenError{Entity: "diary of " + name, ID: uid}
	}
	d, err := s.store.Diary(ctx, uid)
	if err != nil {
		return err
	}
	out := []DiaryJSON{}
	for _, e := range d {
		tags := e.Tags
		if tags == nil {
			tags = []string{}
		}
		out = append(out, DiaryJSON{ID: e.ID, Film: e.FilmSlug, WatchedOn: e.WatchedOn, Rating: starsPtr(e.Rating), Rewatch: e.Rewatch, Liked: e.Liked, Tags: tags})
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	return writeJSON(w, r, out, time.Time{})
}
