package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// boLoad is the state of one box-office import.
type boLoad struct {
	opts   BoxOfficeOptions
	sum    *Summary
	db     *bulkConn
	w      *bulkConn // nil on a dry run
	match  matcher
	m      map[string]string // field → key
	seen   map[string]int    // folded title and date → first row
	source string
	now    int64
}

// boRow is a validated box-office row.
type boRow struct {
	title, date, cert, genre    string
	year, runtime               int
	budget, domestic, worldwide int64
	rating                      float64
	votes                       int64

	// A release date with a two-digit year that fits in more than one
	// century: its day, the years it can be, and the date as written.
	undated   time.Time
	centuries []int
	rawDate   string

	repaired bool // the title was double-encoded UTF-8, repaired
}

// boTitleYear is a title ending in a year in parentheses.
var boTitleYear = regexp.MustCompile(`^(.*\S)\s+\((\d{4})\)$`)

// titleYear takes a trailing "(2010)" off the title when it is the row's
// year, or gives the row its year when it has none: Box Office Mojo tells
// same-named films apart so ("Alice in Wonderland (2010)"), and the film
// in the catalog is titled without it. A year outside first–last is the
// title's own text.
func (r *boRow) titleYear(first, last int) {
	m := boTitleYear.FindStringSubmatch(r.title)
	if m == nil {
		return
	}
	y, _ := strconv.Atoi(m[2])
	switch {
	case y < first || y > last:
		return
	case r.centuries != nil && slices.Contains(r.centuries, y):
		r.setYear(y)
	case r.centuries != nil || r.year != 0 && r.year != y:
		return // another year: the parentheses are the title's own
	case r.year == 0:
		r.year = y
	}
	r.title = m[1]
}

// findFilm finds a row's film by its title or, when that finds none and
// the title ends in another one in parentheses (Box Office Mojo's "A
// Prophet (Un prophète)", a foreign film's original title), by the one
// film that either title finds. A film found so is a fuzzy match, listed
// for review; two different films found so match nothing.
func (l *boLoad) findFilm(r boRow) (matchQuery, matchResult, error) {
	q := matchQuery{title: r.title, year: r.year}
	m, err := l.match.find(q)
	if err != nil || m.id != 0 || m.candidates > 1 || m.rejected {
		return q, m, err
	}
	main, other, ok := parenTitle(r.title)
	if !ok {
		return q, m, nil
	}
	var hit matchResult
	for _, t := range []string{main, other} {
		h, err := l.match.find(matchQuery{title: t, year: r.year})
		if err != nil {
			return q, m, err
		}
		switch {
		case h.id == 0:
		case hit.id != 0 && hit.id != h.id:
			return q, m, nil
		default:
			hit = h
		}
	}
	if hit.id == 0 {
		return q, m, nil
	}
	hit.score = min(hit.score, scoreAlt)
	hit.how = "the title before or in its parentheses, " + hit.how
	return q, hit, nil
}

// parenTitle splits "A Prophet (Un prophète)" into its two titles; the
// part in parentheses must hold a letter.
func parenTitle(s string) (main, other string, ok bool) {
	i := strings.LastIndex(s, " (")
	if i <= 0 || !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	main, other = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:len(s)-1])
	if main == "" || strings.IndexFunc(other, unicode.IsLetter) < 0 {
		return "", "", false
	}
	return main, other, true
}

// setYear dates a row whose release date had a two-digit year.
func (r *boRow) setYear(y int) {
	d, _ := inYear(r.undated, y)
	r.date, r.year, r.centuries = d.Format(time.DateOnly), y, nil
}

// twoDigitYears are the years within the plausible range that a date
// written with two digits ("18-Dec-09") can be: 1909 and 2009, or one of
// them when the other is out of range ("15-Dec-39" is 1939 while 2039 is
// in the future).
func (l *boLoad) twoDigitYears(d time.Time) []int {
	years := []int{1900 + d.Year()%100, 2000 + d.Year()%100}
	if from := l.opts.TwoDigitFrom; from > 0 {
		y := from - from%100 + d.Year()%100
		if y < from {
			y += 100
		}
		years = []int{y}
	}
	var out []int
	for _, y := range years {
		if _, ok := inYear(d, y); ok && y >= l.opts.FirstYear && y <= l.opts.LastYear {
			out = append(out, y)
		}
	}
	return out
}

// pickCentury dates a row whose two-digit year fits two centuries by the
// catalog: the one year in which it holds a film of that title (exact or
// folded, no year off) decides. Otherwise the row is not dated by a guess.
func (l *boLoad) pickCentury(r *boRow) (*RowError, error) {
	var found []int
	for _, y := range r.centuries {
		m, err := l.match.find(matchQuery{title: r.title, year: y})
		if err != nil {
			return nil, err
		}
		if m.id != 0 && m.year == y && m.score >= scoreFolded {
			found = append(found, y)
		}
	}
	if len(found) == 1 {
		r.setYear(found[0])
		return nil, nil
	}
	which := "neither"
	if len(found) > 1 {
		which = "both"
	}
	return &RowError{Field: l.m["release_date"], Reason: fmt.Sprintf("two-digit year the catalog cannot place: %q is %d or %d, and the catalog has %q in %s; write the year in four digits",
		r.rawDate, r.centuries[0], r.centuries[1], r.title, which)}, nil
}

// maxMoney is the most a film can plausibly cost or earn, in dollars.
const maxMoney = 5e9

func (l *boLoad) load(ctx context.Context, rows boRows) error {
	tl := l.sum.tally(rows.name(), &l.opts.Options)
	repaired, firstRepaired := 0, 0
	for {
		rec, pos, rowErr, err := rows.next()
		if err != nil || rec == nil {
			if repaired > 0 {
				l.sum.Notes = append(l.sum.Notes, fmt.Sprintf("%s: %d titles were double-encoded UTF-8 (\"PokÃ©mon\"), read as their text (\"Pokémon\"); the first on %s %d",
					rows.name(), repaired, posWord(rows), firstRepaired))
			}
			return err
		}
		tl.read()
		if pos%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var r boRow
		if rowErr == nil {
			r, rowErr = l.parse(rec)
		}
		if rowErr == nil && r.repaired {
			if repaired++; repaired == 1 {
				firstRepaired = pos
			}
		}
		if rowErr == nil && r.centuries != nil {
			if rowErr, err = l.pickCentury(&r); err != nil {
				return err
			}
		}
		if rowErr != nil {
			rowErr.File = rows.name()
			if _, isCSV := rows.(csvRows); isCSV {
				rowErr.Line = pos
			} else {
				rowErr.Row = pos
			}
			if err := tl.bad(*rowErr); err != nil {
				return err
			}
			continue
		}
		key := strings.ToLower(r.title) + "\x00" + r.date + "\x00" + strconv.Itoa(r.year)
		if first, dup := l.seen[key]; dup {
			e := RowError{File: rows.name(), Row: pos, Reason: fmt.Sprintf("duplicate row: same title and date as row %d", first)}
			if _, isCSV := rows.(csvRows); isCSV {
				e.Row, e.Line = 0, pos
				e.Reason = fmt.Sprintf("duplicate row: same title and date as line %d", first)
			}
			if err := tl.bad(e); err != nil {
				return err
			}
			continue
		}
		l.seen[key] = pos
		state, err := l.write(ctx, rows.name(), pos, r)
		if err != nil {
			return err
		}
		if state == rowSame {
			tl.unchanged()
		} else {
			tl.wrote(state == rowChanged)
		}
	}
}

// posWord names what a position counts in rows: lines of a CSV file,
// rows of JSON.
func posWord(rows boRows) string {
	if _, isCSV := rows.(csvRows); isCSV {
		return "line"
	}
	return "row"
}

// parse validates one record into a row, or says which field is wrong.
func (l *boLoad) parse(rec record) (boRow, *RowError) {
	var r boRow
	bad := func(field, format string, args ...any) (boRow, *RowError) {
		return boRow{}, &RowError{Field: l.m[field], Reason: fmt.Sprintf(format, args...)}
	}
	get := func(field string) any { v, _ := rec(l.m[field]); return v }
	switch t := get("title").(type) {
	case string:
		r.title = strings.TrimSpace(t)
	case json.Number: // "1941", "300", "21": real titles that JSON wrote as numbers
		r.title = t.String()
	}
	if fixed := repairMojibake(r.title); fixed != r.title {
		r.title, r.repaired = fixed, true
	}
	if r.title == "" {
		return bad("title", "missing title")
	}
	if reason := checkTitle(r.title); reason != "" {
		return bad("title", "%s", reason)
	}
	if s, ok := get("release_date").(string); ok && strings.TrimSpace(s) != "" {
		d, twoDigit, err := parseDate(s)
		if err != nil {
			return bad("release_date", "unparseable date %q", s)
		}
		years := []int{d.Year()}
		if twoDigit {
			years = l.twoDigitYears(d)
			if len(years) == 0 {
				return bad("release_date", "implausible date %q: in no century within %d–%d", s, l.opts.FirstYear, l.opts.LastYear)
			}
		}
		if !twoDigit && (d.Year() < l.opts.FirstYear || d.Year() > l.opts.LastYear) {
			return bad("release_date", "implausible date %s: outside %d–%d", d.Format(time.DateOnly), l.opts.FirstYear, l.opts.LastYear)
		}
		if len(years) == 1 {
			d, _ = inYear(d, years[0])
			r.date, r.year = d.Format(time.DateOnly), d.Year()
		} else {
			r.undated, r.centuries, r.rawDate = d, years, strings.TrimSpace(s)
		}
	}
	if y, ok, err := number(get("year")); err != nil || (ok && (y < float64(l.opts.FirstYear) || y > float64(l.opts.LastYear))) {
		return bad("year", "implausible year %v", get("year"))
	} else if ok && r.centuries != nil {
		if !slices.Contains(r.centuries, int(y)) {
			return bad("year", "year %v is not the year of the release date %q", get("year"), r.rawDate)
		}
		r.setYear(int(y))
	} else if ok && r.year == 0 {
		r.year = int(y)
	}
	r.titleYear(l.opts.FirstYear, l.opts.LastYear)
	for _, m := range []struct {
		field string
		dst   *int64
	}{{"budget", &r.budget}, {"domestic", &r.domestic}, {"worldwide", &r.worldwide}} {
		v, ok, err := number(get(m.field))
		switch {
		case err != nil:
			return bad(m.field, "bad amount %v", get(m.field))
		case !ok:
		case v < 0:
			return bad(m.field, "negative amount %.0f", v)
		case v > maxMoney:
			return bad(m.field, "absurd amount %.0f", v)
		default:
			*m.dst = int64(v)
		}
	}
	if r.worldwide > 0 && r.domestic > r.worldwide {
		return bad("worldwide", "worldwide gross %d below US gross %d", r.worldwide, r.domestic)
	}
	if v, ok, err := number(get("rating")); err != nil || (ok && checkScore(v, 0, 10) != "") {
		return bad("rating", "rating %v out of range 0–10", get("rating"))
	} else if ok {
		r.rating = v
	}
	if v, ok, err := number(get("votes")); err != nil || (ok && v < 0) {
		return bad("votes", "bad vote count %v", get("votes"))
	} else if ok {
		r.votes = int64(v)
	}
	// A running time of 0 is how TMDb's exports (and Kodi) write an
	// unknown one, as an empty cell is.
	if v, ok, err := number(get("runtime")); err != nil || (ok && (v < 0 || v > 0 && checkRuntime(int64(v)) != "")) {
		return bad("runtime", "implausible running time %v", get("runtime"))
	} else if ok {
		r.runtime = int(v)
	}
	r.cert, _ = get("certification").(string)
	r.genre, _ = get("genre").(string)
	return r, nil
}

// number reads a JSON number or a string like "$1,234,567"; ok is false
// for null or an empty string.
func number(v any) (f float64, ok bool, err error) {
	var s string
	switch n := v.(type) {
	case nil:
		return 0, false, nil
	case json.Number:
		s = n.String()
	case string:
		s = strings.NewReplacer("$", "", ",", "", " ", "").Replace(strings.TrimSpace(n))
		if s == "" {
			return 0, false, nil
		}
	default:
		return 0, false, fmt.Errorf("not a number")
	}
	f, err = strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false, fmt.Errorf("not a number")
	}
	return f, true, nil
}

// dateLayouts are the release dates box-office tables give: the Vega
// dataset's "Jun 12 1998", The Numbers' and Box Office Mojo's "Dec 18,
// 2009", ISO dates with or without the time a dataframe's export adds,
// and the scrapes' "18-Dec-09" and "7-Jun-19" (a two-digit year: see
// twoDigitYears).
var dateLayouts = []string{"Jan 02 2006", "Jan 2 2006", "Jan 2, 2006", time.DateOnly, time.DateTime, "2006-01-02T15:04:05",
	time.RFC3339, "January 2, 2006", "January 2 2006", "2 Jan 2006", "2 January 2006", "02-Jan-06", "2-Jan-06", "1/2/2006"}

// parseDate reads a release date; twoDigit says its year was written in
// two digits, which time.Parse puts in 1969–2068.
func parseDate(s string) (d time.Time, twoDigit bool, err error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, !strings.Contains(layout, "2006"), nil
		}
	}
	return time.Time{}, false, fmt.Errorf("unparseable date")
}

// inYear is d in year y, or false when that day does not exist then
// (29 February).
func inYear(d time.Time, y int) (time.Time, bool) {
	t := time.Date(y, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d.Day()
}
