package api

import (
	"bytes"
	"net/http"
	"time"

	"marquee/internal/auth"
	"marquee/internal/memberio"
)

// meLetterboxdExport answers GET /api/v1/me/letterboxd: the caller's data
// as a Letterboxd export ZIP (watched.csv, ratings.csv, diary.csv,
// reviews.csv, watchlist.csv, lists/), the same file as the site's.
func (s *Server) meLetterboxdExport(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
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
