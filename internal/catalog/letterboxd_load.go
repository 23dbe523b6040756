package catalog

import (
	"context"
	"strconv"
	"strings"
	"time"

	"marquee/internal/store"
)

// lbLoad is the state of one Letterboxd import.
type lbLoad struct {
	opts  Options
	sum   *Summary
	db    *bulkConn
	w     *bulkConn // nil on a dry run
	match matcher
	user  string
	cache map[string]int64 // "name\x00year" → film id, 0 for unmatched
	// written holds each record this run wrote (file and key): a later
	// row of the same record (another name of the same film) is counted
	// as a duplicate and not written, so that a re-import changes nothing.
	written map[string]bool
}

// lbRow is one parsed row of any Letterboxd file.
type lbRow struct {
	date, watched, tags, review string
	rating                      float64
	rewatch                     bool
}

// load reads one Letterboxd file; the columns present say what it holds.
func (l *lbLoad) load(ctx context.Context, c *csvFile) error {
	tl := l.sum.tally(c.name, &l.opts)
	for {
		ok, rowErr, err := c.next()
		if err != nil || !ok {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		tl.read()
		if rowErr == nil {
			rowErr, err = l.row(ctx, c, tl)
			if err != nil {
				return err
			}
		}
		if rowErr != nil {
			if err := tl.bad(*rowErr); err != nil {
				return err
			}
		}
	}
}

func (l *lbLoad) row(ctx context.Context, c *csvFile, tl *tally) (*RowError, error) {
	name := strings.TrimSpace(c.get("Name"))
	if name == "" {
		return c.fieldErr("Name", "empty film name"), nil
	}
	if bad := checkTitle(name); bad != "" {
		return c.fieldErr("Name", bad), nil
	}
	year := 0
	if y := strings.TrimSpace(c.get("Year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			return c.fieldErr("Year", "bad year: "+strconv.Quote(y)), nil
		}
		if bad := checkYear(int64(n)); bad != "" || n == 0 {
			return c.fieldErr("Year", "bad year: "+strconv.Quote(y)), nil
		}
		year = n
	}
	var r lbRow
	var bad *RowError
	r.date, bad = lbDate(c, "Date", true)
	if bad != nil {
		return bad, nil
	}
	if _, ok := c.cols["Watched Date"]; ok {
		if r.watched, bad = lbDate(c, "Watched Date", false); bad != nil {
			return bad, nil
		}
	}
	if s := c.get("Rating"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || checkScore(v, 0.5, 5) != "" || v*2 != float64(int(v*2)) {
			return c.fieldErr("Rating", "bad rating (0.5–5 in halves): "+strconv.Quote(s)), nil
		}
		r.rating = v
	} else if c.name == "ratings.csv" {
		return c.fieldErr("Rating", "missing rating"), nil
	}
	r.rewatch = strings.EqualFold(c.get("Rewatch"), "yes")
	r.tags, r.review = c.get("Tags"), c.get("Review")

	id, err := l.film(ctx, c, name, year)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		tl.matchedNothing("film not in the catalog")
		l.sum.Unmatched = append(l.sum.Unmatched, Unmatched{File: c.name, Line: c.line, Title: name, Year: year})
		return nil, nil
	}
	state, key, err := l.state(ctx, c.name, id, r)
	if err != nil {
		return nil, err
	}
	if _, dup := l.written[key]; dup {
		tl.skip("duplicate: same film as an earlier row")
		return nil, nil
	}
	l.written[key] = true
	if state == rowSame {
		tl.unchanged()
		return nil, nil
	}
	if err := l.write(ctx, c.name, id, r); err != nil {
		return nil, err
	}
	tl.wrote(state == rowChanged)
	return nil, nil
}

// lbDate checks a YYYY-MM-DD column.
func lbDate(c *csvFile, col string, required bool) (string, *RowError) {
	s := strings.TrimSpace(c.get(col))
	if s == "" && !required {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", c.fieldErr(col, "bad date (want YYYY-MM-DD): "+strconv.Quote(s))
	}
	return s, nil
}

// filmURIFiles are the files whose "Letterboxd URI" is the film's own
// (https://boxd.it/…); in diary and reviews it is the entry's.
var filmURIFiles = map[string]bool{"watched.csv": true, "ratings.csv": true, "watchlist.csv": true, "films.csv": true}

// film finds the row's catalog film: by the film's Letterboxd URI bound in
// an earlier import, else by title and year among the films holding no
// other Letterboxd URI; a title match binds the URI to the film. A review
// decision on the row's title and year overrides an earlier binding.
func (l *lbLoad) film(ctx context.Context, c *csvFile, name string, year int) (int64, error) {
	uri := ""
	if filmURIFiles[c.name] {
		uri = lbURI(c.get("Letterboxd URI"))
	}
	return l.filmOf(ctx, c.name, c.line, name, year, uri)
}

// filmOf is film for a row of file at line, with its film URI if it has one.
func (l *lbLoad) filmOf(ctx context.Context, file string, line int, name string, year int, uri string) (int64, error) {
	key := name + "\x00" + strconv.Itoa(year)
	if uri != "" {
		key = uri
	}
	if id, ok := l.cache[key]; ok {
		return id, nil
	}
	_, reviewed := l.match.review[reviewKey(name, year)]
	if uri != "" && reviewed && l.w != nil {
		// A review's decision replaces the binding an earlier run made.
		if err := store.BulkUnbindLetterboxd(ctx, l.w, uri); err != nil {
			return 0, err
		}
	}
	if uri != "" && !reviewed {
		id, err := store.BulkLetterboxdFilm(ctx, l.db, uri)
		if err != nil || id != 0 {
			l.cache[key] = id
			l.sum.MatchedByID++
			return id, err
		}
	}
	q := matchQuery{title: name, year: year, source: lbSource, extID: uri}
	m, err := l.match.find(q)
	if err != nil {
		return 0, err
	}
	l.sum.noteMatch(file, line, q, m)
	if m.id != 0 && uri != "" && l.w != nil {
		if err := store.BulkBindLetterboxd(ctx, l.w, uri, m.id); err != nil {
			return 0, err
		}
	}
	l.cache[key] = m.id
	return m.id, nil
}

const lbSource = store.LetterboxdSource

// lbURI writes a Letterboxd link as Letterboxd's exports do, so that one
// film's link compares equal however a file spells it: https, no "www.",
// boxd.it codes (case-sensitive) without a trailing slash, letterboxd.com
// paths with one. Other text is returned trimmed.
func lbURI(s string) string {
	s = strings.TrimSpace(s)
	rest := s
	for _, scheme := range []string{"https://", "http://"} {
		if len(rest) >= len(scheme) && strings.EqualFold(rest[:len(scheme)], scheme) {
			rest = rest[len(scheme):]
			break
		}
	}
	host, path, _ := strings.Cut(rest, "/")
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	path = strings.TrimRight(path, "/")
	switch {
	case path == "":
		return s
	case host == "boxd.it":
		return "https://boxd.it/" + path
	case host == "letterboxd.com":
		return "https://letterboxd.com/" + path + "/"
	}
	return s
}

// kept is row r of file for film id as the store keeps it.
func (l *lbLoad) kept(file string, id int64, r lbRow) store.BulkLetterboxdRow {
	k := store.BulkLetterboxdRow{Kind: strings.TrimSuffix(file, ".csv"), User: l.user, FilmID: id, Date: r.date,
		Watched: r.watched, Rating: r.rating, Rewatch: r.rewatch, Tags: r.tags, Body: r.review}
	if file == "ratings.csv" {
		t, _ := time.Parse(time.DateOnly, r.date)
		k.RatedAt = t.Unix()
	}
	return k
}

// state says whether the catalog holds row r of file for film id, and
// with the same values (store.BulkLetterboxdState). It also returns the
// record's key: the file and the key columns.
func (l *lbLoad) state(ctx context.Context, file string, id int64, r lbRow) (rowState, string, error) {
	n, key, err := store.BulkLetterboxdState(ctx, l.db, l.kept(file, id, r))
	return rowState(n), file + "\x00" + key, err
}

func (l *lbLoad) write(ctx context.Context, file string, id int64, r lbRow) error {
	if l.w == nil {
		return nil
	}
	return store.BulkWriteLetterboxd(ctx, l.w, l.kept(file, id, r))
}
