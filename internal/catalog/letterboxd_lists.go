package catalog

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"marquee/internal/store"
)

// lbListMagic is the first line of every list file of a Letterboxd export.
const lbListMagic = "Letterboxd list export v7"

// lbListPrefix is what the first line of any version of the list layout
// starts with.
const lbListPrefix = "Letterboxd list export v"

// lbListHeader is the header of a list file's own row.
const lbListHeader = "Date,Name,Tags,URL,Description"

// isListHeader reports whether rec is a list's own header: Date, Name and
// URL, and none of the film columns (Year, Letterboxd URI) that the root
// files of an export have.
func isListHeader(rec []string) bool {
	seen := map[string]bool{}
	for i, h := range rec {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		seen[strings.TrimSpace(h)] = true
	}
	return seen["Date"] && seen["Name"] && seen["URL"] && !seen["Year"] && !seen["Letterboxd URI"]
}

// LetterboxdList is one list of an export's lists/ folder: its header row
// and its films in the list's order.
type LetterboxdList struct {
	File        string
	Date        string
	Name        string
	Tags        string
	URL         string
	Description string
	Entries     []LetterboxdListEntry
}

// LetterboxdListEntry is one film of a list.
type LetterboxdListEntry struct {
	Line     int
	Position int
	Name     string
	Year     int
	URL      string
	Notes    string
}

// listFiles names the CSV files of the export's lists/ folder, sorted.
func listFiles(src exportSource) []string {
	var out []string
	switch s := src.(type) {
	case zipSource:
		for _, f := range s.r.File {
			dir, base := path.Split(f.Name)
			dir = strings.TrimSuffix(dir, "/")
			if strings.HasSuffix(base, ".csv") && (dir == "lists" || (strings.Count(dir, "/") == 1 && strings.HasSuffix(dir, "/lists"))) {
				out = append(out, dir+"/"+base)
			}
		}
	case dirSource:
		entries, _ := os.ReadDir(filepath.Join(string(s), "lists"))
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".csv") {
				out = append(out, "lists/"+e.Name())
			}
		}
	}
	sort.Strings(out)
	return out
}

// readList parses one list file. Rows that cannot be read are returned as
// row errors; a file that is not a list is an error.
func readList(in *input) (*LetterboxdList, []RowError, error) {
	defer in.Close()
	c := &csvFile{input: in, lr: lineReader{r: in.r}, cols: map[string]int{}, comma: ','}
	ok, rowErr, err := c.next()
	if err != nil {
		return nil, nil, err
	}
	if !ok || rowErr != nil || len(c.rec) == 0 {
		return nil, nil, fmt.Errorf("%s: not a Letterboxd list (first line is not %q)", in.name, lbListMagic)
	}
	switch {
	case strings.HasPrefix(strings.TrimPrefix(strings.TrimSpace(c.rec[0]), "\ufeff"), lbListPrefix):
		// The version is v7 in every export seen; another one's columns
		// are still checked by name, so it is read rather than refused.
		if err := c.header("Date", "Name"); err != nil {
			return nil, nil, err
		}
	case isListHeader(c.rec):
		// Exports of 2019 and before have no version line: a blank line,
		// then the list's own header.
		if err := c.useHeader("Date", "Name"); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, fmt.Errorf("%s: not a Letterboxd list (first line is not %q nor the list header %s)", in.name, lbListMagic, lbListHeader)
	}
	l := &LetterboxdList{File: in.name}
	if ok, rowErr, err = c.next(); err != nil || !ok || rowErr != nil {
		return nil, nil, fmt.Errorf("%s: line %d: the list's own row is missing or malformed", in.name, c.line)
	}
	l.Date, l.Name, l.Tags, l.URL, l.Description = c.get("Date"), strings.TrimSpace(c.get("Name")), c.get("Tags"), c.get("URL"), c.get("Description")
	if l.Name == "" {
		return nil, nil, fmt.Errorf("%s: line %d: the list has no name", in.name, c.line)
	}
	c.names, c.cols, c.width = nil, map[string]int{}, 0
	if err := c.header("Position", "Name", "Year"); err != nil {
		if strings.Contains(err.Error(), "empty file") {
			return l, nil, nil // an empty list
		}
		return nil, nil, err
	}
	var bad []RowError
	for {
		ok, rowErr, err := c.next()
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return l, bad, nil
		}
		if rowErr != nil {
			bad = append(bad, *rowErr)
			continue
		}
		e := LetterboxdListEntry{Line: c.line, Name: strings.TrimSpace(c.get("Name")), URL: c.get("URL"), Notes: c.get("Description")}
		if e.Position, err = strconv.Atoi(strings.TrimSpace(c.get("Position"))); err != nil || e.Position < 1 {
			bad = append(bad, *c.fieldErr("Position", "bad position: "+strconv.Quote(c.get("Position"))))
			continue
		}
		if y := strings.TrimSpace(c.get("Year")); y != "" {
			if e.Year, err = strconv.Atoi(y); err != nil || checkYear(int64(e.Year)) != "" {
				bad = append(bad, *c.fieldErr("Year", "bad year: "+strconv.Quote(y)))
				continue
			}
		}
		if e.Name == "" {
			bad = append(bad, *c.fieldErr("Name", "empty film name"))
			continue
		}
		l.Entries = append(l.Entries, e)
	}
}

// loadLists imports every list of the export as a named list.
func (l *lbLoad) loadLists(ctx context.Context, src exportSource) error {
	for _, name := range listFiles(src) {
		if err := ctx.Err(); err != nil {
			return err
		}
		in, err := src.openPath(name)
		if err != nil || in == nil {
			return err
		}
		list, bad, err := readList(in)
		if err != nil {
			return err
		}
		tl := l.sum.tally(name, &l.opts)
		for _, e := range bad {
			tl.read()
			if err := tl.bad(e); err != nil {
				return err
			}
		}
		if err := l.writeList(ctx, tl, list); err != nil {
			return err
		}
	}
	return nil
}

func (l *lbLoad) writeList(ctx context.Context, tl *tally, list *LetterboxdList) error {
	prior, err := store.BulkLetterboxdListEntries(ctx, l.db, l.user, list.Name)
	if err != nil {
		return err
	}
	var listID int64
	if l.w != nil {
		listID, err = store.BulkResetLetterboxdList(ctx, l.w, store.BulkLetterboxdList{User: l.user, Name: list.Name,
			URL: list.URL, Description: list.Description, Tags: list.Tags, Date: list.Date})
		if err != nil {
			return err
		}
	}
	for _, e := range list.Entries {
		tl.read()
		id, err := l.filmOf(ctx, list.File, e.Line, e.Name, e.Year, "")
		if err != nil {
			return err
		}
		if id == 0 {
			tl.matchedNothing("film not in the catalog")
			l.sum.Unmatched = append(l.sum.Unmatched, Unmatched{File: list.File, Line: e.Line, Title: e.Name, Year: e.Year})
			continue
		}
		entry := store.BulkListEntry{FilmID: id, Notes: e.Notes}
		if l.w != nil {
			if err := store.BulkWriteListEntry(ctx, l.w, listID, int64(e.Position), entry); err != nil {
				return err
			}
		}
		switch was, ok := prior[int64(e.Position)]; {
		case !ok:
			tl.imported()
		case was == entry:
			tl.unchanged()
		default:
			tl.wrote(true)
		}
	}
	return nil
}
