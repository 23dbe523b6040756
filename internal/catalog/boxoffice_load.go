package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
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
}

// maxMoney is the most a film can plausibly cost or earn, in dollars.
const maxMoney = 5e9

func (l *boLoad) load(ctx context.Context, rows boRows) error {
	tl := l.sum.tally(rows.name(), &l.opts.Options)
	for {
		rec, pos, rowErr, err := rows.next()
		if err != nil || rec == nil {
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
	if r.title == "" {
		return bad("title", "missing title")
	}
	if reason := checkTitle(r.title); reason != "" {
		return bad("title", "%s", reason)
	}
	if s, ok := get("release_date").(string); ok && strings.TrimSpace(s) != "" {
		d, err := parseDate(s)
		if err != nil {
			return bad("release_date", "unparseable date %q", s)
		}
		if d.Year() < l.opts.FirstYear || d.Year() > l.opts.LastYear {
			return bad("release_date", "implausible date %s: outside %d–%d", d.Format(time.DateOnly), l.opts.FirstYear, l.opts.LastYear)
		}
		r.date, r.year = d.Format(time.DateOnly), d.Year()
	}
	if y, ok, err := number(get("year")); err != nil || (ok && (y < float64(l.opts.FirstYear) || y > float64(l.opts.LastYear))) {
		return bad("year", "implausible year %v", get("year"))
	} else if ok && r.year == 0 {
		r.year = int(y)
	}
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
	if v, ok, err := number(get("runtime")); err != nil || (ok && (v <= 0 || checkRuntime(int64(v)) != "")) {
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
// 2009", ISO dates with or without the time a dataframe's export adds.
var dateLayouts = []string{"Jan 02 2006", "Jan 2 2006", "Jan 2, 2006", time.DateOnly, time.DateTime, "2006-01-02T15:04:05",
	time.RFC3339, "January 2, 2006", "January 2 2006", "2 Jan 2006", "2 January 2006", "02-Jan-06", "1/2/2006"}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unparseable date")
}
