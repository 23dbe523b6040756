package memberio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"marquee/internal/member"
)

// IMDb's export headers, as the site writes them today.
var (
	imdbRatingsHeader   = []string{"Const", "Your Rating", "Date Rated", "Title", "Original Title", "URL", "Title Type", "IMDb Rating", "Runtime (mins)", "Year", "Genres", "Num Votes", "Release Date", "Directors"}
	imdbWatchlistHeader = []string{"Position", "Const", "Created", "Modified", "Description", "Title", "Original Title", "URL", "Title Type", "IMDb Rating", "Runtime (mins)", "Year", "Genres", "Num Votes", "Release Date", "Directors"}
)

// LineError is a malformed row of an imported file.
type LineError struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason"`
}

func (e *LineError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: line %d: field %s: %s", e.File, e.Line, e.Field, e.Reason)
	}
	return fmt.Sprintf("%s: line %d: %s", e.File, e.Line, e.Reason)
}

// IMDbRow is one row of an IMDb ratings or watchlist file.
type IMDbRow struct {
	Line   int
	Const  string
	Title  string
	Year   int
	Rating member.Rating // ratings files only
	Date   string        // Date Rated, or the watchlist's Created
}

func imdbURL(id string) string { return "https://www.imdb.com/title/" + id + "/" }

// WriteIMDbRatings writes the films member rated in IMDb's "Your ratings"
// layout, half stars mapped one to one onto IMDb's 1–10. IMDb rows need an
// IMDb id; films without one are returned, not written.
func WriteIMDbRatings(w io.Writer, films []member.FilmLog) (skipped []string, err error) {
	cw := csv.NewWriter(w)
	cw.Write(imdbRatingsHeader)
	for _, f := range films {
		if f.Rating == 0 {
			continue
		}
		if f.IMDbID == "" {
			skipped = append(skipped, f.FilmSlug)
			continue
		}
		cw.Write([]string{f.IMDbID, strconv.Itoa(f.Rating.Ten()), day(f.UpdatedAt), f.FilmTitle, f.FilmTitle, imdbURL(f.IMDbID),
			"Movie", "", "", year(f.FilmYear), "", "", "", ""})
	}
	cw.Flush()
	return skipped, cw.Error()
}

// WriteIMDbWatchlist writes a watchlist in IMDb's list-export layout.
func WriteIMDbWatchlist(w io.Writer, entries []member.ListEntry) (skipped []string, err error) {
	cw := csv.NewWriter(w)
	cw.Write(imdbWatchlistHeader)
	pos := 0
	for _, e := range entries {
		if e.IMDbID == "" {
			skipped = append(skipped, e.FilmSlug)
			continue
		}
		pos++
		cw.Write([]string{strconv.Itoa(pos), e.IMDbID, e.Note, e.Note, "", e.FilmTitle, e.FilmTitle, imdbURL(e.IMDbID),
			"Movie", "", "", year(e.FilmYear), "", "", "", ""})
	}
	cw.Flush()
	return skipped, cw.Error()
}

// ErrNotIMDb is returned (wrapped) for a file without IMDb's header.
var ErrNotIMDb = errors.New("not an IMDb export")

// imdbColumns maps IMDb's column names, folded to lower case, to the names
// ReadIMDb uses. IMDb's exports before 2017 named them "const", "You
// rated" and "created" (the day the title was rated or listed).
var imdbColumns = map[string]string{
	"const": "Const", "your rating": "Your Rating", "you rated": "Your Rating", "date rated": "Date Rated",
	"created": "Created", "title": "Title", "year": "Year",
}

// ReadIMDb reads an IMDb ratings file (ratings true: "Const", "Your Rating"
// and "Date Rated" required) or watchlist file ("Const" required). Columns
// are found by name, whatever their case, so IMDb's older and newer
// layouts both read: the exports before 2017 ("position","const",
// "created",…,"You rated",…) give the day rated in "created", as a time
// ("Sat Dec 31 00:00:00 2016"). A file starting with a UTF-16 byte order
// mark (a spreadsheet's "Unicode text") is read as UTF-16. Malformed rows
// are returned as *LineError, each naming file, line and field; the error
// is for a file that cannot be read at all.
func ReadIMDb(r io.Reader, name string, ratings bool) ([]IMDbRow, []*LineError, error) {
	cr := csv.NewReader(utf8Text(r))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w: cannot read a header: %v", name, ErrNotIMDb, err)
	}
	header = append([]string(nil), header...) // ReuseRecord: the next Read overwrites it
	cols := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = string(bytes.TrimPrefix([]byte(h), []byte("\ufeff")))
		}
		h = strings.TrimSpace(h)
		if std, ok := imdbColumns[strings.ToLower(h)]; ok {
			h = std
		}
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	if _, ok := cols["Date Rated"]; !ok && ratings {
		if i, old := cols["Created"]; old {
			cols["Date Rated"] = i
		}
	}
	need := []string{"Const"}
	if ratings {
		need = append(need, "Your Rating", "Date Rated")
	}
	for _, c := range need {
		if _, ok := cols[c]; !ok {
			return nil, nil, fmt.Errorf("%s: %w: no %q column (header %q)", name, ErrNotIMDb, c, strings.Join(header, ","))
		}
	}
	var rows []IMDbRow
	var bad []*LineError
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// No field positions exist for a record that could not be
			// read: the error says where it starts.
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad = append(bad, &LineError{File: name, Line: pe.StartLine, Reason: "bad CSV: " + pe.Err.Error()})
				continue
			}
			return rows, bad, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			if i, ok := cols[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := IMDbRow{Line: line, Const: get("Const"), Title: get("Title")}
		fail := func(field, reason string) {
			bad = append(bad, &LineError{File: name, Line: line, Field: field, Reason: reason})
		}
		if !validIMDb(row.Const) {
			fail("Const", fmt.Sprintf("not an IMDb title id: %q", row.Const))
			continue
		}
		if y := get("Year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil {
				fail("Year", fmt.Sprintf("bad year: %q", y))
				continue
			}
			row.Year = n
		}
		if ratings {
			n, err := strconv.Atoi(get("Your Rating"))
			if err != nil {
				fail("Your Rating", fmt.Sprintf("must be a whole number from 1 to 10, not %q", get("Your Rating")))
				continue
			}
			if row.Rating, err = member.RatingFromTen("Your Rating", n); err != nil {
				fail("Your Rating", fmt.Sprintf("must be from 1 to 10, not %d", n))
				continue
			}
			row.Date = get("Date Rated")
		} else {
			row.Date = get("Created")
		}
		if row.Date != "" {
			d, ok := imdbDate(row.Date)
			if !ok {
				field := header[cols["Date Rated"]]
				if !ratings {
					field = header[cols["Created"]]
				}
				fail(strings.TrimSpace(strings.TrimPrefix(field, "\ufeff")), fmt.Sprintf("bad date (want YYYY-MM-DD): %q", row.Date))
				continue
			}
			row.Date = d
		}
		rows = append(rows, row)
	}
	return rows, bad, nil
}

// imdbDate reads a date as IMDb's exports write it: YYYY-MM-DD, or before
// 2017 a time in C's asctime form ("Sun Mar  1 00:00:00 2015"), of which
// the day is kept.
func imdbDate(s string) (string, bool) {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return s, true
	}
	if t, err := time.Parse(time.ANSIC, s); err == nil {
		return t.Format(time.DateOnly), true
	}
	return "", false
}

// utf8Text returns r as UTF-8: unchanged, or converted when it starts with
// a UTF-16 byte order mark.
func utf8Text(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(2); len(b) == 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		return transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder()))
	}
	return br
}
