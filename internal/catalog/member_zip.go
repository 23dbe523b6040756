package catalog

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// ErrUnsafeExport is returned (wrapped) for an uploaded export that is not
// a ZIP, is too large, or holds a path that could escape a directory.
var ErrUnsafeExport = errors.New("refused Letterboxd export")

// CheckLetterboxdZip vets an uploaded export before anything is written:
// it must be a ZIP archive of at most limit bytes whose entries unpack to
// at most 16 × limit bytes (a ZIP bomb is refused, not inflated), with no
// entry named absolutely, with "..", a backslash, a drive letter or a NUL.
func CheckLetterboxdZip(data []byte, limit int64) error {
	if int64(len(data)) > limit {
		return fmt.Errorf("%w: %d bytes is over the upload limit of %d bytes", ErrUnsafeExport, len(data), limit)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) && !bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return fmt.Errorf("%w: not a ZIP archive (a Letterboxd export is the .zip from Settings → Data)", ErrUnsafeExport)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: not a readable ZIP archive: %v", ErrUnsafeExport, err)
	}
	var total uint64
	for _, f := range zr.File {
		if problem := unsafeEntry(f.Name); problem != "" {
			return fmt.Errorf("%w: entry %q %s", ErrUnsafeExport, f.Name, problem)
		}
		total += f.UncompressedSize64
		if total > uint64(16*limit) {
			return fmt.Errorf("%w: unpacks to more than %d bytes", ErrUnsafeExport, 16*limit)
		}
	}
	return nil
}

func unsafeEntry(name string) string {
	switch {
	case name == "":
		return "has no name"
	case strings.ContainsAny(name, "\\\x00"):
		return "holds a backslash or NUL"
	case strings.HasPrefix(name, "/"):
		return "is an absolute path"
	case len(name) > 1 && name[1] == ':':
		return "names a drive"
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return `climbs out with ".."`
		}
	}
	if path.Clean(name) != strings.TrimSuffix(name, "/") && !strings.HasSuffix(name, "/") {
		return "is not a clean path"
	}
	return ""
}
