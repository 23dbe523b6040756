package catalog

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
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
			rowErr, err = l.row(c, tl)
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

func (l *lbLoad) row(c *csvFile, tl *tally) (*RowError, error) {
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

	id, err := l.film(c, name, year)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		tl.matchedNothing("film not in the catalog")
		l.sum.Unmatched = append(l.sum.Unmatched, Unmatched{File: c.name, Line: c.line, Title: name, Year: year})
		return nil, nil
	}
	state, key, err := l.state(c.name, id, r)
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
	if err := l.write(c.name, id, r); err != nil {
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
func (l *lbLoad) film(c *csvFile, name string, year int) (int64, error) {
	uri := ""
	if filmURIFiles[c.name] {
		uri = lbURI(c.get("Letterboxd URI"))
	}
	return l.filmOf(c.name, c.line, name, year, uri)
}

// filmOf is film for a row of file at line, with its film URI if it has one.
func (l *lbLoad) filmOf(file string, line int, name string, year int, uri string) (int64, error) {
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
		if err := l.w.exec("DELETE FROM external_ids WHERE source = 'letterboxd' AND external_id = ?", uri); err != nil {
			return 0, err
		}
	}
	if uri != "" && !reviewed {
		id, err := l.db.queryInt("SELECT film_id FROM external_ids WHERE source = 'letterboxd' AND external_id = ?", uri)
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
		if err := l.w.exec(`INSERT INTO external_ids (source, external_id, film_id) VALUES ('letterboxd', ?, ?)
			ON CONFLICT DO NOTHING`, uri, m.id); err != nil {
			return 0, err
		}
	}
	l.cache[key] = m.id
	return m.id, nil
}

const lbSource = "letterboxd"

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

// lbState has, per file, the query that compares a row with its record:
// 0 (no row) when there is none, 1 when it holds the same values, 2 when
// other ones. The key columns are the upserts' conflict targets below.
var lbState = map[string]string{
	"watched.csv": `SELECT CASE WHEN added_on = ? THEN 1 ELSE 2 END FROM user_lists
		WHERE source = ? AND external_user = ? AND list = ? AND film_id = ?`,
	"ratings.csv": `SELECT CASE WHEN rating = ? AND rated_at = ? THEN 1 ELSE 2 END FROM user_ratings
		WHERE source = ? AND external_user = ? AND film_id = ?`,
	"diary.csv": `SELECT CASE WHEN rating = ? AND rewatch = ? AND tags = ? THEN 1 ELSE 2 END FROM diary_entries
		WHERE source = ? AND external_user = ? AND film_id = ? AND watched_on = ? AND logged_on = ?`,
	"reviews.csv": `SELECT CASE WHEN watched_on = ? AND rating = ? AND rewatch = ? AND body = ? AND tags = ? THEN 1 ELSE 2 END FROM reviews
		WHERE source = ? AND external_user = ? AND film_id = ? AND logged_on = ?`,
}

// state says whether the catalog holds row r of file for film id, and
// with the same values.
// It also returns the record's key: the file and the key columns.
func (l *lbLoad) state(file string, id int64, r lbRow) (rowState, string, error) {
	var args []driver.Value
	keyFrom := 0 // args[keyFrom:] are the key columns
	query := lbState[file]
	switch file {
	case "watched.csv", "watchlist.csv":
		args = []driver.Value{r.date, lbSource, l.user, strings.TrimSuffix(file, ".csv"), id}
		keyFrom, query = 1, lbState["watched.csv"]
	case "ratings.csv":
		t, _ := time.Parse(time.DateOnly, r.date)
		args = []driver.Value{r.rating, t.Unix(), lbSource, l.user, id}
		keyFrom = 2
	case "diary.csv":
		args = []driver.Value{r.rating, r.rewatch, r.tags, lbSource, l.user, id, r.watched, r.date}
		keyFrom = 3
	case "reviews.csv":
		args = []driver.Value{r.watched, r.rating, r.rewatch, r.review, r.tags, lbSource, l.user, id, r.date}
		keyFrom = 5
	default:
		return rowNew, file + "\x00" + strconv.Itoa(int(id)), nil
	}
	key := file
	for _, v := range args[keyFrom:] {
		key += "\x00" + fmt.Sprint(v)
	}
	n, err := l.db.queryInt(query, args...)
	return rowState(n), key, err
}

func (l *lbLoad) write(file string, id int64, r lbRow) error {
	if l.w == nil {
		return nil
	}
	switch file {
	case "watched.csv", "watchlist.csv":
		list := strings.TrimSuffix(file, ".csv")
		return l.w.exec(`INSERT INTO user_lists (source, external_user, list, film_id, added_on) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source, external_user, list, film_id) DO UPDATE SET added_on = excluded.added_on`,
			lbSource, l.user, list, id, r.date)
	case "ratings.csv":
		t, _ := time.Parse(time.DateOnly, r.date)
		return l.w.exec(`INSERT INTO user_ratings (source, external_user, film_id, rating, rated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source, external_user, film_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
			lbSource, l.user, id, r.rating, t.Unix())
	case "diary.csv":
		return l.w.exec(`INSERT INTO diary_entries (source, external_user, film_id, watched_on, logged_on, rating, rewatch, tags)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_user, film_id, watched_on, logged_on)
			DO UPDATE SET rating = excluded.rating, rewatch = excluded.rewatch, tags = excluded.tags`,
			lbSource, l.user, id, r.watched, r.date, r.rating, r.rewatch, r.tags)
	case "reviews.csv":
		return l.w.exec(`INSERT INTO reviews (source, external_user, film_id, watched_on, logged_on, rating, rewatch, body, tags)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_user, film_id, logged_on)
			DO UPDATE SET watched_on = excluded.watched_on, rating = excluded.rating, rewatch = excluded.rewatch,
			body = excluded.body, tags = excluded.tags`,
			lbSource, l.user, id, r.watched, r.date, r.rating, r.rewatch, r.review, r.tags)
	}
	return nil
}
