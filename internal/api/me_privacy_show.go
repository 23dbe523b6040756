package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/member"
)

// mePrivacyShow answers GET /api/v1/me/privacy: the caller's privacy
// settings and favourite four.
func (s *Server) mePrivacyShow(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	st, err := s.store.MemberSettings(r.Context(), u.ID)
	if err != nil {
		return err
	}
	return privateJSON(w, r, http.StatusOK, privacyJSON(st))
}

func privacyJSON(st member.Settings) Privacy {
	favs := st.Favourites
	if favs == nil {
		favs = []string{}
	}
	return Privacy{Profile: string(st.Profile), DiaryPrivate: st.DiaryPrivate, Favourites: favs}
}
