package api

import (
	"bytes"
	"net/http"
	"strconv"

	"marquee/internal/auth"
	"marquee/internal/memberio"
)

// meIMDbExport answers GET /api/v1/me/imdb/{kind}: the caller's ratings
// (half stars one to one onto IMDb's 1–10) or watchlist as IMDb's CSV.
// Films without an IMDb id cannot be written; the Skipped-Without-IMDb-Id
// header counts them.
func (s *Server) meIMDbExport(w http.ResponseWriter, r *http.Request) error {
	ratings, err := imdbKind(r)
	if err != nil {
		return err
	}
	u, _ := auth.UserFrom(r.Context())
	var buf bytes.Buffer
	_, skipped, err := memberio.ExportIMDb(r.Context(), s.store, u.ID, &buf, ratings)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="imdb-`+r.PathValue("kind")+`-`+u.Username+`.csv"`)
	w.Header().Set("Cache-Control", "private, no-store")
	w.Header().Set("Skipped-Without-IMDb-Id", strconv.Itoa(len(skipped)))
	_, err = w.Write(buf.Bytes())
	return err
}
