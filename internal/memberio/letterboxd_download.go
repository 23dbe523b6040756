package memberio

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"marquee/internal/store"
)

// DownloadLetterboxd answers a request for member uid's data as a
// Letterboxd export ZIP, named after username and today's date. The site's
// settings page and the API both serve it. The ZIP is built in memory
// first, so a failure answers an error rather than half a file.
func DownloadLetterboxd(ctx context.Context, w http.ResponseWriter, st *store.Store, uid int64, username string) error {
	d, err := st.MemberExport(ctx, uid)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	now := time.Now().UTC()
	if err := WriteLetterboxd(&buf, d, now); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="letterboxd-`+username+`-`+now.Format("2006-01-02")+`.zip"`)
	w.Header().Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}
