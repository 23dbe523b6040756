package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"marquee/internal/auth"
	"marquee/internal/catalog"
)

// importPage reports a browser import.
type importPage struct {
	Base
	Summary *catalog.MemberSummary
	Error   string
}

// settingsImportSave imports an uploaded Letterboxd export ZIP into the
// member's account. The upload is bounded (auth.MaxBodyBytes) and vetted
// in memory by catalog.ImportMemberUpload before anything is written.
func (s *Server) settingsImportSave(w http.ResponseWriter, r *http.Request) error {
	f, _, err := r.FormFile("export")
	if err != nil {
		return &badRequest{Param: "export", Reason: "choose your Letterboxd export ZIP to upload"}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, auth.MaxBodyBytes+1))
	if err != nil {
		return &badRequest{Param: "export", Reason: err.Error()}
	}
	u := signedIn(r)
	auth.Note(r.Context(), fmt.Sprintf("letterboxd import for user %d", u.ID), nil, nil)
	sum, err := catalog.ImportMemberUpload(r.Context(), s.store, data, auth.MaxBodyBytes, u.ID, catalog.Options{})
	p := &importPage{Base: s.privateBase(r, "Letterboxd import"), Summary: sum}
	status := http.StatusOK
	if err != nil {
		if errors.Is(err, catalog.ErrUnsafeExport) || !errors.Is(err, catalog.ErrTooManyErrors) && len(sum.RowErrors) == 0 && sum.Files == nil {
			return &badRequest{Param: "export", Reason: err.Error()}
		}
		p.Error, status = fmt.Sprint(err), http.StatusBadRequest
	}
	s.render(w, r, status, "import_result", p)
	return nil
}
