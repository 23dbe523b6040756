package api

import (
	"net/http"

	"marquee/internal/store"
)

// memberDiaryList answers GET /api/v1/members/{name}/diary, honouring the
// member's privacy: a members-only profile needs a caller, a private diary
// its owner.
func (s *Server) memberDiaryList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, st, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	if st.DiaryPrivate && !self {
		return &store.ForbiddenError{Entity: "diary of " + r.PathValue("name"), ID: uid}
	}
	d, err := s.store.Diary(ctx, uid)
	if err != nil {
		return err
	}
	out := DiaryPage{Total: len(d), Diary: make([]DiaryJSON, 0, len(d))}
	for _, e := range d {
		out.Diary = append(out.Diary, diaryJSON(e))
	}
	return privateJSON(w, r, http.StatusOK, out)
}
