package catalog

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"marquee/internal/store"
)

// letterboxdFiles are the CSVs of a Letterboxd export Marquee reads, with
// the columns each must have. Exports hold more (profile, comments, lists);
// they are ignored.
var letterboxdFiles = []struct {
	name string
	cols []string
}{
	{"watched.csv", []string{"Date", "Name", "Year"}},
	{"ratings.csv", []string{"Date", "Name", "Year", "Rating"}},
	{"diary.csv", []string{"Date", "Name", "Year", "Rating", "Rewatch", "Tags", "Watched Date"}},
	{"reviews.csv", []string{"Date", "Name", "Year", "Rating", "Rewatch", "Review", "Tags", "Watched Date"}},
	{"watchlist.csv", []string{"Date", "Name", "Year"}},
}

// source opens the export's files, from a ZIP or a directory.
type exportSource interface {
	open(name string) (*input, error)  // nil, nil when absent
	openPath(p string) (*input, error) // an exact path inside the export, named by it
	Close() error
}

type dirSource string

func (d dirSource) open(name string) (*input, error) {
	p := filepath.Join(string(d), name)
	if _, err := os.Stat(p); err != nil {
		return nil, nil
	}
	return openInput(p)
}

func (d dirSource) openPath(p string) (*input, error) {
	in, err := openInput(filepath.Join(string(d), filepath.FromSlash(p)))
	if in != nil {
		in.name = p
	}
	return in, err
}

func (dirSource) Close() error { return nil }

type zipSource struct {
	r *zip.Reader
	c io.Closer
}

func (z zipSource) Close() error { return z.c.Close() }

func (z zipSource) openPath(p string) (*input, error) {
	for _, f := range z.r.File {
		if f.Name == p {
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
			return newInput(p, rc, rc, int64(f.UncompressedSize64))
		}
	}
	return nil, nil
}

// exportFolders are the folders of a full Letterboxd export that hold
// files with the root files' names but other contents: likes/reviews.csv
// (reviews liked), lists/watchlist.csv (a list named "Watchlist"),
// deleted/ and orphaned/ (entries removed, films gone).
var exportFolders = map[string]bool{"likes": true, "lists": true, "deleted": true, "orphaned": true}

// open finds name at the export's root: the top of the archive, or one top
// folder (an export zipped with its folder) that is not one of the
// export's own folders; entries may come in any order.
func (z zipSource) open(name string) (*input, error) {
	var found *zip.File
	for _, f := range z.r.File {
		dir, base := path.Split(f.Name)
		dir = strings.TrimSuffix(dir, "/")
		if base != name || strings.Contains(dir, "/") || exportFolders[strings.ToLower(dir)] {
			continue
		}
		if found == nil || dir == "" {
			found = f
		}
	}
	if f := found; f != nil {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		return newInput(name, rc, rc, int64(f.UncompressedSize64))
	}
	return nil, nil
}

// skippedFolders lists the export's folders present in src that the
// import leaves out, for the summary's notes.
func skippedFolders(src exportSource) []string {
	var out []string
	switch s := src.(type) {
	case zipSource:
		seen := map[string]bool{}
		for _, f := range s.r.File {
			for _, part := range strings.Split(path.Dir(f.Name), "/") {
				if exportFolders[strings.ToLower(part)] && !seen[part] {
					seen[part] = true
					out = append(out, part)
				}
			}
		}
	case dirSource:
		for d := range exportFolders {
			if st, err := os.Stat(filepath.Join(string(s), d)); err == nil && st.IsDir() {
				out = append(out, d)
			}
		}
	}
	sort.Strings(out)
	return out
}

func openExport(p, what string) (exportSource, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: no such %s (a .zip or a directory)", p, what)
	}
	if st.IsDir() {
		return dirSource(p), nil
	}
	if err := checkRegular(p); err != nil {
		return nil, err
	}
	z, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("%s: not a ZIP archive: %w", p, err)
	}
	return zipSource{r: &z.Reader, c: z}, nil
}

var folderWhy = map[string]string{
	"likes":   "films, reviews and lists the member liked",
	"deleted": "entries the member deleted", "orphaned": "entries whose film Letterboxd no longer has",
}

// ImportLetterboxd loads a member's Letterboxd export (a ZIP as
// downloaded, or its unpacked directory) for the external user name user.
// Letterboxd files carry no ids, so films are matched by title and year
// with case and diacritics folded, then by alternative title; rows naming
// a film the catalog lacks are listed in Summary.Unmatched and counted as
// skipped, never dropped silently. Ratings go to user_ratings (source
// "letterboxd", 0.5–5 stars); diary, reviews, watched and watchlist to
// their own tables. Re-importing the same export changes nothing.
func ImportLetterboxd(ctx context.Context, st *store.Store, export, user string, opts Options) (*Summary, error) {
	start := time.Now()
	sum := newSummary("letterboxd", opts)
	sum.Unmatched = []Unmatched{}
	if strings.TrimSpace(user) == "" {
		return sum, fmt.Errorf("letterboxd: a user name is required")
	}
	src, err := openExport(export, "Letterboxd export")
	if err != nil {
		return sum, err
	}
	defer src.Close()
	for _, d := range skippedFolders(src) {
		if d == "lists" {
			continue // imported as named lists
		}
		sum.Notes = append(sum.Notes, "skipped folder "+d+"/ (not imported: "+folderWhy[d]+")")
	}
	present := 0
	for _, f := range letterboxdFiles { // check every header before writing
		in, err := src.open(f.name)
		if err != nil {
			return sum, err
		}
		if in == nil {
			continue
		}
		c, err := newCSV(in, f.cols...)
		if err != nil {
			return sum, err
		}
		c.Close()
		present++
	}
	if present == 0 {
		return sum, fmt.Errorf("%s: no Letterboxd files (watched.csv, ratings.csv, diary.csv, reviews.csv, watchlist.csv)", export)
	}
	db, err := openBulk(ctx, st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	l := &lbLoad{opts: opts, sum: sum, db: db, match: matcher{db: db, review: opts.Review}, user: user, cache: map[string]int64{}, written: map[string]bool{}}
	if !opts.DryRun {
		l.w = db
	}
	// Ratings, diaries and lists are not searched, and the films an export
	// adds are few: the search index follows them row by row.
	err = runImport(ctx, st, db, opts, importRun{source: "letterboxd", input: export, load: func(ctx context.Context) error {
		for _, f := range letterboxdFiles {
			in, err := src.open(f.name)
			if err != nil || in == nil {
				if err != nil {
					return err
				}
				continue
			}
			c, err := newCSV(in, f.cols...)
			if err != nil {
				return err
			}
			err = l.load(ctx, c)
			c.Close()
			if err != nil {
				return err
			}
		}
		if err := l.loadLists(ctx, src); err != nil {
			return err
		}
		return ctx.Err()
	}})
	sum.finish(start, err)
	return sum, err
}
