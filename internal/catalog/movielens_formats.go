package catalog

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// mlForm is one file layout a MovieLens release uses for one of its
// files: CSV with a header (ml-latest, 25M, 32M), "::"-separated without
// a header and in Latin-1 (1M, 10M), or tab- and "|"-separated (100K).
type mlForm struct {
	name   string
	sep    string   // "" for CSV with a header
	names  []string // the columns of a headerless file
	derive func(c *csvFile)
}

// ml100KGenres are the genre flag columns of u.item, in order (u.genre).
var ml100KGenres = []string{"unknown", "Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
	"Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
	"Thriller", "War", "Western"}

// mlFormsOf lists, per MovieLens file kind, the layouts looked for.
var mlFormsOf = map[string][]mlForm{
	"links": {{name: "links.csv"}},
	"movies": {{name: "movies.csv"},
		{name: "movies.dat", sep: "::", names: []string{"movieId", "title", "genres"}},
		{name: "u.item", sep: "|", names: append([]string{"movieId", "title", "release", "video", "url"}, ml100KGenres...), derive: mlItemGenres}},
	"ratings": {{name: "ratings.csv"},
		{name: "ratings.dat", sep: "::", names: []string{"userId", "movieId", "rating", "timestamp"}},
		{name: "u.data", sep: "\t", names: []string{"userId", "movieId", "rating", "timestamp"}}},
	"tags": {{name: "tags.csv"},
		{name: "tags.dat", sep: "::", names: []string{"userId", "movieId", "tag", "timestamp"}}},
}

// mlItemGenres turns u.item's genre flags into the genres column.
func mlItemGenres(c *csvFile) {
	var g []string
	for i, name := range ml100KGenres {
		if j := 5 + i; j < len(c.rec) && c.rec[j] == "1" && name != "unknown" {
			g = append(g, name)
		}
	}
	c.rec = append(c.rec, strings.Join(g, "|"))
}

// openML opens the first layout of forms present in src, checking its
// header; nil when none is.
func openML(src exportSource, forms []mlForm, cols []string) (*csvFile, error) {
	for _, f := range forms {
		in, err := src.open(f.name)
		if err != nil {
			return nil, err
		}
		if in == nil {
			continue
		}
		if f.sep == "" {
			return newCSV(in, cols...)
		}
		return newPlain(in, f), nil
	}
	return nil, nil
}

// newPlain reads a headerless file of separated fields without quoting.
// Lines that are not valid UTF-8 are read as Latin-1, the 1M and 100K
// releases' encoding.
func newPlain(in *input, f mlForm) *csvFile {
	c := &csvFile{input: in, lr: lineReader{r: in.r}, cols: map[string]int{}, sep: f.sep, derive: f.derive}
	c.names = f.names
	for i, n := range f.names {
		c.cols[n] = i
	}
	c.width = len(f.names)
	if f.derive != nil {
		c.cols["genres"] = len(f.names)
	}
	return c
}

// nextPlain is next for a headerless separated file.
func (c *csvFile) nextPlain() (ok bool, rowErr *RowError, err error) {
	var b []byte
	var tooLong bool
	for {
		b, tooLong, err = c.lr.next()
		if errors.Is(err, io.EOF) {
			return false, nil, nil
		} else if err != nil {
			return false, nil, c.readErr(err, c.line)
		}
		if len(b) > 0 || tooLong {
			break
		}
	}
	c.line = c.lr.line
	if tooLong {
		return true, &RowError{File: c.name, Line: c.line, Reason: fmt.Sprintf("record longer than %d bytes", MaxRecordBytes)}, nil
	}
	s := string(b)
	if !utf8.ValidString(s) {
		s = latin1(b)
	}
	c.rec = append(c.rec[:0], strings.Split(s, c.sep)...)
	if len(c.rec) != c.width {
		return true, &RowError{File: c.name, Line: c.line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(c.rec), c.width)}, nil
	}
	if c.derive != nil {
		c.derive(c)
	}
	return true, nil, nil
}

// latin1 decodes ISO 8859-1.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, ch := range b {
		r[i] = rune(ch)
	}
	return string(r)
}

// findMovieLens opens a MovieLens release: a directory, a GroupLens zip as
// downloaded, or a folder holding exactly one release folder.
func findMovieLens(p string) (exportSource, error) {
	src, err := openExport(p, "MovieLens release")
	if err != nil {
		return nil, err
	}
	if ok, err := hasMovieLens(src); ok || err != nil {
		if err != nil {
			src.Close()
			return nil, err
		}
		return src, nil
	}
	src.Close()
	want := "movies.csv, ratings.csv, tags.csv, links.csv; movies.dat, ratings.dat; u.item, u.data"
	d, isDir := src.(dirSource)
	if !isDir {
		return nil, fmt.Errorf("%s: no MovieLens files (%s)", p, want)
	}
	entries, _ := os.ReadDir(string(d))
	var found []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		ok, err := hasMovieLens(dirSource(filepath.Join(string(d), e.Name())))
		if err != nil {
			return nil, err
		}
		if ok {
			found = append(found, e.Name())
		}
	}
	sort.Strings(found)
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%s: no MovieLens files (%s) here or in its folders", p, want)
	case 1:
		return dirSource(filepath.Join(string(d), found[0])), nil
	}
	return nil, fmt.Errorf("%s: several MovieLens releases (%s); point at one of them", p, strings.Join(found, ", "))
}

// hasMovieLens reports whether src holds a MovieLens file; a file there
// that cannot be opened (not a regular file) is an error.
func hasMovieLens(src exportSource) (bool, error) {
	for _, kind := range []string{"links", "movies", "ratings", "tags"} {
		for _, f := range mlFormsOf[kind] {
			in, err := src.open(f.name)
			if err != nil {
				return false, err
			}
			if in != nil {
				in.Close()
				return true, nil
			}
		}
	}
	return false, nil
}

// mlLeftOut names the release's data files the import does not read: the
// tag genome (genome-scores.csv, genome-tags.csv of 20M and later), 1M's
// users.dat, 100K's u.user and its u1.base…ua.test splits, a second layout
// of a file already read. A ZIP's files count at its root or in its one
// top folder.
func mlLeftOut(src exportSource) []string {
	read := map[string]bool{}
	for _, forms := range mlFormsOf {
		for _, f := range forms {
			if in, _ := src.open(f.name); in != nil {
				in.Close()
				read[f.name] = true
				break
			}
		}
	}
	var names []string
	switch s := src.(type) {
	case zipSource:
		for _, f := range s.r.File {
			if dir := path.Dir(f.Name); dir == "." || !strings.Contains(dir, "/") {
				names = append(names, path.Base(f.Name))
			}
		}
	case dirSource:
		entries, _ := os.ReadDir(string(s))
		for _, e := range entries {
			if !e.IsDir() {
				names = append(names, e.Name())
			}
		}
	}
	var out []string
	for _, n := range names {
		ext := strings.ToLower(path.Ext(n))
		data := ext == ".csv" || ext == ".dat" || strings.HasPrefix(n, "u.") || strings.HasPrefix(n, "u") && (ext == ".base" || ext == ".test")
		if data && !read[n] && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// mlLeftOutNote is the summary's note for mlLeftOut's files, or "".
func mlLeftOutNote(names []string) string {
	if len(names) == 0 {
		return ""
	}
	list := names
	if len(list) > 8 {
		list = append(slices.Clone(list[:8]), fmt.Sprintf("and %d more", len(names)-8))
	}
	return "not imported: " + strings.Join(list, ", ") + " (Marquee reads a release's movies, ratings, tags and links)"
}
