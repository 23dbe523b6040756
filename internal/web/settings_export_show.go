package web

import (
	"bytes"
	"net/http"
	"time"

	"marquee/internal/memberio"
)

// settingsExportShow downloads the member's data as a Letterboxd export ZIP.
func (s *Server) settingsExportShow(w http.ResponseWriter, r *http.Request) error {
	u := signedIn(r)
	d, err := s.store.MemberExport(r.Context(), u.ID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	now := time.Now().UTC()
	if err := memberio.WriteLetterboxd(&buf, d, now); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="letterboxd-`+u.Username+`-`+now.Format("2006-01-02")+`.zip"`)
	w.Header().Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}
