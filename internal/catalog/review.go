package catalog

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Match is a row matched to a catalog film by title rather than by id,
// or a title lookup that was ambiguous or rejected: the rows a person
// should look at. An exact title-and-year match of a row carrying no id
// is counted (Summary.MatchedByTitle) but not listed.
type Match struct {
	File       string  `json:"file"`
	Line       int     `json:"line,omitempty"`
	Title      string  `json:"title"`
	Year       int     `json:"year,omitempty"`
	FilmSlug   string  `json:"film_slug,omitempty"` // the film matched, or the best of a tie
	FilmTitle  string  `json:"film_title,omitempty"`
	FilmYear   int     `json:"film_year,omitempty"`
	Score      float64 `json:"score"`
	How        string  `json:"how"`
	Candidates int     `json:"candidates,omitempty"` // more than 1: ambiguous, not matched
	Matched    bool    `json:"matched"`
}

// FilmRef names a film an import created.
type FilmRef struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
}

// reviewHeader is the header of a review file. A person fills decision
// with "accept", "reject" or the slug of the right film and passes the
// file back with --review; an empty decision keeps the importer's choice.
var reviewHeader = []string{"title", "year", "decision", "film_slug", "film_title", "film_year", "score", "how", "file", "line"}

// ReadReview reads the decisions of a review file written by WriteReview:
// reviewKey(title, year) → decision. Rows with an empty decision are left
// out.
func ReadReview(r io.Reader, name string) (map[string]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return map[string]string{}, nil
		}
		return nil, fmt.Errorf("%s: not a review file: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range []string{"title", "year", "decision"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: not a review file: no %s column (header %q)", name, c, strings.Join(header, ","))
		}
	}
	out := map[string]string{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		line, _ := cr.FieldPos(0)
		year := 0
		if y := get("year"); y != "" {
			if year, err = strconv.Atoi(y); err != nil {
				return nil, fmt.Errorf("%s: line %d: field year: bad number %q", name, line, y)
			}
		}
		d := strings.ToLower(get("decision"))
		if d == "" {
			continue
		}
		if d != "accept" && d != "reject" {
			d = get("decision") // a film slug
		}
		out[reviewKey(get("title"), year)] = d
	}
}

// WriteReview writes matches as a review file, one row per title and
// year, keeping the decisions of prior (from ReadReview) so a review can
// go on over several runs.
func WriteReview(w io.Writer, matches []Match, prior map[string]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(reviewHeader); err != nil {
		return err
	}
	done := map[string]bool{}
	for _, m := range matches {
		k := reviewKey(m.Title, m.Year)
		if done[k] {
			continue
		}
		done[k] = true
		year, filmYear := "", ""
		if m.Year != 0 {
			year = strconv.Itoa(m.Year)
		}
		if m.FilmYear != 0 {
			filmYear = strconv.Itoa(m.FilmYear)
		}
		err := cw.Write([]string{m.Title, year, prior[k], m.FilmSlug, m.FilmTitle, filmYear,
			strconv.FormatFloat(m.Score, 'f', 2, 64), m.How, m.File, strconv.Itoa(m.Line)})
		if err != nil {
			return err
		}
	}
	// Decisions on rows this run no longer lists (they were decided) stay.
	keys := make([]string, 0, len(prior))
	for k := range prior {
		if !done[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		title, year, _ := strings.Cut(k, "\x00")
		if year == "0" {
			year = ""
		}
		if err := cw.Write([]string{title, year, prior[k], "", "", "", "", "decided", "", ""}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
