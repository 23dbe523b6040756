package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"marquee/internal/store"
)

// ErrBadExport matches (errors.Is) every error of a member import that is
// the export's fault — unreadable, missing files or headers, malformed
// rows, or refused as unsafe — rather than the server's. Nothing was
// written then.
var ErrBadExport = errors.New("bad Letterboxd export")

// exportError marks an error as the export's fault, keeping its message
// (or msg, when set).
type exportError struct {
	err error
	msg string
}

func (e *exportError) Error() string {
	if e.msg != "" {
		return e.msg
	}
	return e.err.Error()
}
func (e *exportError) Unwrap() error { return e.err }

// Is marks the export's own errors; a renamed one (msg set) is the
// export's fault only when the error it renames is.
func (e *exportError) Is(target error) bool { return target == ErrBadExport && e.msg == "" }

func badExport(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &exportError{err: err}
}

// ImportMemberUpload imports an uploaded Letterboxd export ZIP, held in
// data, into member uid's account. The upload is vetted in memory first
// (CheckLetterboxdZip: at most limit bytes, a ZIP, no entry climbing out
// with "..", not a ZIP bomb) before anything is written, even to a
// temporary file. Both the site's upload form and the API call it.
func ImportMemberUpload(ctx context.Context, st *store.Store, data []byte, limit int64, uid int64, opts Options) (*MemberSummary, error) {
	sum := &MemberSummary{Unmatched: []Unmatched{}, Fuzzy: []Unmatched{}, RowErrors: []RowError{}}
	if err := CheckLetterboxdZip(data, limit); err != nil {
		return sum, badExport(err)
	}
	tmp, err := os.CreateTemp("", "marquee-letterboxd-*.zip")
	if err != nil {
		return sum, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return sum, fmt.Errorf("store the upload: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return sum, fmt.Errorf("store the upload: %w", err)
	}
	sum, err = ImportMemberLetterboxd(ctx, st, tmp.Name(), uid, opts)
	if err != nil && strings.Contains(err.Error(), tmp.Name()) {
		// The member uploaded a file, not a server path: name it so.
		err = &exportError{err: err, msg: strings.ReplaceAll(err.Error(), tmp.Name(), "the uploaded export")}
	}
	return sum, err
}
