package api

import (
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/memberio"
)

// meLetterboxdExport answers GET /api/v1/me/letterboxd: the caller's data
// as a Letterboxd export ZIP (watched.csv, ratings.csv, diary.csv,
// reviews.csv, watchlist.csv, lists/), the same file as the site's.
func (s *Server) meLetterboxdExport(w http.ResponseWriter, r *http.Request) error {
	u, _ := auth.UserFrom(r.Context())
	return memberio.DownloadLetterboxd(r.Context(), w, s.store, u.ID, u.Username)
}
