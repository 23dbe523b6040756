package catalog

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// AwardColumns are the columns of an awards CSV (and keys of an awards
// JSON array's objects). ceremony, category, outcome and one of film,
// film_title or person are required; the rest may be empty.
//
//	ceremony    the ceremony or festival: "Academy Awards", "Cannes Film Festival"
//	year        the edition's year: 2025
//	category    the prize: "Best Director", "Palme d'Or"
//	outcome     won or nominated (also: winner, win, nominee, nomination)
//	film        the film's slug (anora-2024) or IMDb id (tt…)
//	film_title  the film's title, when film is empty; with film_year
//	film_year   the film's release year, to tell remakes apart
//	person      the person's slug (sean-baker) or IMDb id (nm…), for a personal award
var AwardColumns = []string{"ceremony", "year", "category", "outcome", "film", "film_title", "film_year", "person"}

// AwardRow is one parsed row of an awards file: the award, and how its
// film and person are named, before they are looked up.
type AwardRow struct {
	Line      int // CSV line, or position in the JSON array
	Ceremony  string
	Year      int
	Category  string
	Outcome   film.Outcome
	Film      string // slug or tt…
	FilmTitle string
	FilmYear  int
	Person    string // slug or nm…
}

// AwardReader reads awards rows one at a time from CSV or JSON.
type AwardReader struct {
	name string
	json bool
	csv  *csv.Reader
	cols map[string]int
	ncol int // columns in the header
	dec  *json.Decoder
	n    int
}

// NewAwardReader starts reading an awards file. format is "csv", "json"
// or "" (detected from the first byte: "[" or "{" is JSON). The CSV header must
// name ceremony, category and outcome.
func NewAwardReader(name string, r io.Reader, format string) (*AwardReader, error) {
	br := bufio.NewReader(r)
	if format == "" {
		first, _ := br.Peek(64)
		format = "csv"
		if t := bytes.TrimLeft(bytes.TrimPrefix(first, []byte("\ufeff")), " \t\r\n"); len(t) > 0 && (t[0] == '[' || t[0] == '{') {
			format = "json"
		}
	}
	ar := &AwardReader{name: name}
	switch format {
	case "json":
		ar.json = true
		ar.dec = json.NewDecoder(br)
		ar.dec.UseNumber()
		tok, err := ar.dec.Token()
		if d, ok := tok.(json.Delim); err != nil || !ok || d != '[' {
			return nil, fmt.Errorf("%s: not a JSON array of awards", name)
		}
		return ar, nil
	case "csv":
	default:
		return nil, fmt.Errorf("%s: unknown format %q (csv or json)", name, format)
	}
	ar.csv = csv.NewReader(br)
	ar.csv.FieldsPerRecord = -1
	header, err := ar.csv.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file, expected a header with %s", name, strings.Join(AwardColumns, ","))
		}
		return nil, fmt.Errorf("%s: not a CSV file: %w", name, err)
	}
	ar.cols, ar.ncol = map[string]int{}, len(header)
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := ar.cols[h]; dup && h != "" {
			return nil, fmt.Errorf("%s: wrong header %q: column %q appears twice", name, strings.Join(header, ","), h)
		}
		ar.cols[h] = i
	}
	var missing []string
	for _, c := range []string{"ceremony", "category", "outcome"} {
		if _, ok := ar.cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	_, hasFilm := ar.cols["film"]
	_, hasTitle := ar.cols["film_title"]
	_, hasPerson := ar.cols["person"]
	if !hasFilm && !hasTitle && !hasPerson {
		missing = append(missing, "film, film_title or person")
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: wrong header %q: missing column(s) %s", name, strings.Join(header, ","), strings.Join(missing, ", "))
	}
	return ar, nil
}

// Next returns the next row; io.EOF at the end. A malformed row comes
// back as a *RowError naming its line (or array position) and field; the
// reader can go on after one. Any other error ends the file.
func (ar *AwardReader) Next() (*AwardRow, error) {
	if ar.json {
		return ar.nextJSON()
	}
	rec, err := ar.csv.Read()
	if errors.Is(err, io.EOF) {
		return nil, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, &RowError{File: ar.name, Line: pe.StartLine, Reason: "bad CSV: " + pe.Err.Error()}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ar.name, err)
	}
	line, _ := ar.csv.FieldPos(0) // only valid after a record was read
	if len(rec) != ar.ncol {
		return nil, &RowError{File: ar.name, Line: line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(rec), ar.ncol)}
	}
	get := func(col string) (string, bool) {
		i, ok := ar.cols[col]
		if !ok || i >= len(rec) {
			return "", false
		}
		return rec[i], true
	}
	return ar.row(line, 0, get)
}

func (ar *AwardReader) nextJSON() (*AwardRow, error) {
	if !ar.dec.More() {
		if _, err := ar.dec.Token(); err != nil {
			return nil, fmt.Errorf("%s: after row %d: %w", ar.name, ar.n, err)
		}
		return nil, io.EOF
	}
	ar.n++
	var obj map[string]any
	if err := ar.dec.Decode(&obj); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%s: row %d (index %d): bad JSON: %w", ar.name, ar.n, ar.n-1, err)
		}
		return nil, &RowError{File: ar.name, Row: ar.n, Reason: "not an object: " + err.Error()}
	}
	get := func(key string) (string, bool) {
		v, ok := obj[key]
		switch x := v.(type) {
		case nil:
			return "", ok
		case string:
			return x, true
		case json.Number:
			return x.String(), true
		case bool:
			return strconv.FormatBool(x), true
		}
		return fmt.Sprint(v), true
	}
	return ar.row(0, ar.n, get)
}

// row validates one record's fields.
func (ar *AwardReader) row(line, pos int, get func(string) (string, bool)) (*AwardRow, error) {
	bad := func(field, reason string) error {
		return &RowError{File: ar.name, Line: line, Row: pos, Field: field, Reason: reason}
	}
	text := func(col string) (string, error) {
		v, _ := get(col)
		if !utf8.ValidString(v) {
			return "", bad(col, "invalid UTF-8")
		}
		v = strings.TrimSpace(v)
		if len(v) > 300 {
			return "", bad(col, "longer than 300 characters")
		}
		return v, nil
	}
	r := &AwardRow{Line: line + pos}
	var err error
	for _, f := range []struct {
		col string
		dst *string
	}{{"ceremony", &r.Ceremony}, {"category", &r.Category}, {"film", &r.Film}, {"film_title", &r.FilmTitle}, {"person", &r.Person}} {
		if *f.dst, err = text(f.col); err != nil {
			return nil, err
		}
	}
	if r.Ceremony == "" {
		return nil, bad("ceremony", "empty")
	}
	if r.Category == "" {
		return nil, bad("category", "empty")
	}
	for _, f := range []struct {
		col string
		dst *int
		lo  int
	}{{"year", &r.Year, 1900}, {"film_year", &r.FilmYear, film.MinYear}} {
		v, _ := text(f.col)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < f.lo || n > film.MaxYear() {
			return nil, bad(f.col, fmt.Sprintf("%q is not a year between %d and %d", v, f.lo, film.MaxYear()))
		}
		*f.dst = n
	}
	out, _ := text("outcome")
	switch strings.ToLower(out) {
	case "won", "win", "winner", "true", "yes":
		r.Outcome = film.OutcomeWon
	case "nominated", "nominee", "nomination", "false", "no":
		r.Outcome = film.OutcomeNominated
	default:
		return nil, bad("outcome", fmt.Sprintf("%q is not won or nominated", out))
	}
	if r.Film == "" && r.FilmTitle == "" && r.Person == "" {
		return nil, bad("film", "names no film (film or film_title) and no person")
	}
	return r, nil
}
