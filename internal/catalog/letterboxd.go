package catalog

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
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
	open(name string) (*input, error) // nil, nil when absent
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

func (dirSource) Close() error { return nil }

type zipSource struct {
	r *zip.Reader
	c io.Closer
}

func (z zipSource) Close() error { return z.c.Close() }

// open finds name at the top of the archive or in its top folder, never
// in the export's deleted/ and orphaned/ folders.
func (z zipSource) open(name string) (*input, error) {
	for _, f := range z.r.File {
		dir, base := path.Split(f.Name)
		if base != name || strings.Count(dir, "/") > 1 || strings.Contains(dir, "deleted") || strings.Contains(dir, "orphaned") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		return newInput(name, rc, rc, int64(f.UncompressedSize64))
	}
	return nil, nil
}

func openExport(p string) (exportSource, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: no such Letterboxd export (a .zip or a directory)", p)
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
	src, err := openExport(export)
	if err != nil {
		return sum, err
	}
	defer src.Close()
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
	db, err := openBulk(st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	l := &lbLoad{opts: opts, sum: sum, db: db, match: matcher{db: db, review: opts.Review}, user: user, cache: map[string]int64{}}
	if !opts.DryRun {
		l.w = db
	}
	err = runImport(ctx, st, db, "letterboxd", export, opts, nil, nil, func() error {
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
		return ctx.Err()
	}, nil)
	sum.finish(start, err)
	return sum, err
}
