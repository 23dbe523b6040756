package cli

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"marquee/internal/dossier"
)

// eachArticle calls fn with every article a command-line argument names:
// the file itself, standard input for "-", or each file of a zip archive
// of posts, named "archive.zip:path/in/archive". An entry that cannot be
// read is passed with its error, so it is refused on its own line while
// the others go on. The error returned is for an argument that cannot be
// read at all.
func eachArticle(stdin io.Reader, name string, fn func(file string, src []byte, err error)) error {
	if !strings.EqualFold(path.Ext(name), ".zip") {
		src, err := readArticle(stdin, name)
		fn(name, src, err)
		return nil
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		return fmt.Errorf("%s: not a readable zip archive: %w", name, err)
	}
	defer zr.Close()
	files := make([]*zip.File, 0, len(zr.File))
	for _, f := range zr.File {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: the archive holds no files", name)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, f := range files {
		file := name + ":" + f.Name
		src, err := readZipEntry(f)
		if err != nil {
			err = fmt.Errorf("%s: %w", file, err)
		}
		fn(file, src, err)
	}
	return nil
}

// readZipEntry reads one entry, refusing it before decompressing past
// the parser's limit (a zip bomb stops there).
func readZipEntry(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > dossier.DefaultMaxBytes {
		return nil, fmt.Errorf("%.1f MB, over the %.1f MB limit for an article",
			float64(f.UncompressedSize64)/(1<<20), float64(dossier.DefaultMaxBytes)/(1<<20))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	src, err := io.ReadAll(io.LimitReader(rc, dossier.DefaultMaxBytes+1))
	if err != nil {
		return nil, errors.Unwrap(err)
	}
	if len(src) > dossier.DefaultMaxBytes {
		return nil, fmt.Errorf("over the %.1f MB limit for an article", float64(dossier.DefaultMaxBytes)/(1<<20))
	}
	return src, nil
}
