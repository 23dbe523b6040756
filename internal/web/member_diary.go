package web

import (
	"net/http"

	"marquee/internal/store"
)

// memberDiary renders a member's diary by month; a private diary only to
// its owner.
func (s *Server) memberDiary(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, st, self, err := s.memberAccess(ctx, r)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	if st.DiaryPrivate && !self {
		return &store.ForbiddenError{Entity: "diary of " + name + " (private)", ID: uid}
	}
	d, err := s.store.Diary(ctx, uid)
	if err != nil {
		return err
	}
	p := &memberDiaryPage{Base: s.memberBase(r, name+"’s diary"), Name: name, Self: self}
	for _, e := range d {
		m := e.WatchedOn[:7]
		if len(p.Months) == 0 || p.Months[len(p.Months)-1].Month != m {
			p.Months = append(p.Months, diaryMonth{Month: m})
		}
		last := &p.Months[len(p.Months)-1]
		last.Entries = append(last.Entries, e)
	}
	s.render(w, r, http.StatusOK, "member_diary", p)
	return nil
}
