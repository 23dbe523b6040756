package web

import (
	"net/http"

	"marquee/internal/auth"
)

var memberNotices = map[string]string{
	"privacy":   "Your privacy settings and favourites are saved.",
	"resolved":  "The row is imported.",
	"dismissed": "The row is dismissed.",
}

// settingsMembersShow renders the member's film settings: privacy,
// favourite four, Letterboxd import and export, and the imported rows that
// wait for the member to pick their film.
func (s *Server) settingsMembersShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	st, err := s.store.MemberSettings(r.Context(), u.ID)
	if err != nil {
		return err
	}
	pend, err := s.store.PendingImports(r.Context(), u.ID)
	if err != nil {
		return err
	}
	p := &memberSettingsPage{Base: s.privateBase(r, "Your films: privacy, import and export"), Settings: st, FavSlots: favSlots(st.Favourites), Pending: pend,
		Notice: memberNotices[r.URL.Query().Get("done")], UploadLimit: auth.MaxBodyBytes}
	s.render(w, r, http.StatusOK, "settings_members", p)
	return nil
}
