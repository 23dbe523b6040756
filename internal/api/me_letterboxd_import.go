package api

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/catalog"
)

// tooLarge is a request body over auth.MaxBodyBytes: a 413.
type tooLarge struct{ what string }

func (e *tooLarge) Error() string {
	return fmt.Sprintf("%s is larger than the upload limit of %d bytes", e.what, auth.MaxBodyBytes)
}

// meLetterboxdImport answers POST /api/v1/me/letterboxd: a Letterboxd
// export ZIP, uploaded as the multipart field "export", imported into the
// caller's account with the site's limits and refusals (over the upload
// limit, not a ZIP, an entry like "../x": refused before anything is
// written). It answers with the import report: what landed, and the
// unmatched and fuzzy rows filed for the member to resolve.
func (s *Server) meLetterboxdImport(w http.ResponseWriter, r *http.Request) error {
	f, _, err := r.FormFile("export")
	if err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			return &tooLarge{"the upload"}
		}
		return &auth.FormError{Field: "export", Msg: "export: upload the Letterboxd export ZIP as the multipart field \"export\""}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, auth.MaxBodyBytes+1))
	if err != nil {
		return &auth.FormError{Field: "export", Msg: "export: " + err.Error()}
	}
	u, _ := auth.UserFrom(r.Context())
	auth.Note(r.Context(), fmt.Sprintf("letterboxd import for user %d", u.ID), nil, nil)
	sum, err := catalog.ImportMemberUpload(r.Context(), s.store, data, auth.MaxBodyBytes, u.ID, catalog.Options{})
	if errors.Is(err, catalog.ErrBadExport) {
		return &auth.FormError{Field: "export", Msg: "export: " + err.Error()}
	}
	if err != nil {
		return memberErr(err)
	}
	return privateJSON(w, r, http.StatusOK, sum)
}
