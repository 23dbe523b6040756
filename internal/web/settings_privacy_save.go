package web

import (
	"net/http"
	"strings"

	"marquee/internal/member"
)

// settingsPrivacySave stores the member's privacy settings and favourite
// four (film slugs, one per field).
func (s *Server) settingsPrivacySave(w http.ResponseWriter, r *http.Request) error {
	st := member.Settings{Profile: member.Privacy(r.PostFormValue("profile")), DiaryPrivate: r.PostFormValue("diary_private") == "1"}
	for _, f := range []string{"fav1", "fav2", "fav3", "fav4"} {
		if v := strings.TrimSpace(r.PostFormValue(f)); v != "" {
			st.Favourites = append(st.Favourites, strings.TrimPrefix(v, "/films/"))
		}
	}
	if err := s.store.SaveMemberSettings(r.Context(), signedIn(r).ID, st); err != nil {
		return memberBadRequest(err)
	}
	http.Redirect(w, r, "/settings/films?done=privacy", http.StatusSeeOther)
	return nil
}
