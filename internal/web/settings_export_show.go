package web

import (
	"net/http"

	"marquee/internal/memberio"
)

// settingsExportShow downloads the member's data as a Letterboxd export ZIP.
func (s *Server) settingsExportShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	return memberio.DownloadLetterboxd(r.Context(), w, s.store, u.ID, u.Username)
}
