package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// The Letterboxd import's per-row statements, run on its bulk connection
// (see BulkConn).

// LetterboxdSource is the source the Letterboxd import writes its rows
// and film links under.
const LetterboxdSource = "letterboxd"

// BulkLetterboxdRow is one row of a Letterboxd export as it is kept. Kind
// is what it is: "watched" or "watchlist" (a film on that list, Date the
// day it was added), "ratings" (RatedAt), "diary" (Watched and Date, the
// day logged) or "reviews" (the same, and Body).
type BulkLetterboxdRow struct {
	Kind, User    string
	FilmID        int64
	Date, Watched string
	RatedAt       int64
	Rating        float64
	Rewatch       bool
	Tags, Body    string
}

// lbState has, per kind, the query that compares a row with its record:
// 0 (no row) when there is none, 1 when it holds the same values, 2 when
// other ones; and the arguments, the key columns (the upserts' conflict
// targets in BulkWriteLetterboxd) from keyFrom on.
func lbState(r BulkLetterboxdRow) (query string, args []driver.Value, keyFrom int) {
	switch r.Kind {
	case "watched", "watchlist":
		return `SELECT CASE WHEN added_on = ? THEN 1 ELSE 2 END FROM user_lists
			WHERE source = ? AND external_user = ? AND list = ? AND film_id = ?`,
			[]driver.Value{r.Date, LetterboxdSource, r.User, r.Kind, r.FilmID}, 1
	case "ratings":
		return `SELECT CASE WHEN rating = ? AND rated_at = ? THEN 1 ELSE 2 END FROM user_ratings
			WHERE source = ? AND external_user = ? AND film_id = ?`,
			[]driver.Value{r.Rating, r.RatedAt, LetterboxdSource, r.User, r.FilmID}, 2
	case "diary":
		return `SELECT CASE WHEN rating = ? AND rewatch = ? AND tags = ? THEN 1 ELSE 2 END FROM diary_entries
			WHERE source = ? AND external_user = ? AND film_id = ? AND watched_on = ? AND logged_on = ?`,
			[]driver.Value{r.Rating, r.Rewatch, r.Tags, LetterboxdSource, r.User, r.FilmID, r.Watched, r.Date}, 3
	case "reviews":
		return `SELECT CASE WHEN watched_on = ? AND rating = ? AND rewatch = ? AND body = ? AND tags = ? THEN 1 ELSE 2 END FROM reviews
			WHERE source = ? AND external_user = ? AND film_id = ? AND logged_on = ?`,
			[]driver.Value{r.Watched, r.Rating, r.Rewatch, r.Body, r.Tags, LetterboxdSource, r.User, r.FilmID, r.Date}, 5
	}
	return "", nil, 0
}

// BulkLetterboxdState says whether the catalog holds r's record (0: no,
// 1: with the same values, 2: with other ones), and returns the record's
// key: its key columns, joined by NULs. A kind it does not know is new,
// keyed by its film.
func BulkLetterboxdState(ctx context.Context, c BulkConn, r BulkLetterboxdRow) (state int, key string, err error) {
	query, args, keyFrom := lbState(r)
	if query == "" {
		return 0, fmt.Sprint(r.FilmID), nil
	}
	for i, v := range args[keyFrom:] {
		if i > 0 {
			key += "\x00"
		}
		key += fmt.Sprint(v)
	}
	var n int64
	err = c.QueryArgs(ctx, query, func(v []driver.Value) error {
		n = bulkInt(v[0])
		return nil
	}, args...)
	return int(n), key, err
}

// BulkWriteLetterboxd upserts r's record.
func BulkWriteLetterboxd(ctx context.Context, c BulkConn, r BulkLetterboxdRow) error {
	switch r.Kind {
	case "watched", "watchlist":
		return c.ExecArgs(ctx, `INSERT INTO user_lists (source, external_user, list, film_id, added_on) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source, external_user, list, film_id) DO UPDATE SET added_on = excluded.added_on`,
			LetterboxdSource, r.User, r.Kind, r.FilmID, r.Date)
	case "ratings":
		return c.ExecArgs(ctx, `INSERT INTO user_ratings (source, external_user, film_id, rating, rated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source, external_user, film_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
			LetterboxdSource, r.User, r.FilmID, r.Rating, r.RatedAt)
	case "diary":
		return c.ExecArgs(ctx, `INSERT INTO diary_entries (source, external_user, film_id, watched_on, logged_on, rating, rewatch, tags)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_user, film_id, watched_on, logged_on)
			DO UPDATE SET rating = excluded.rating, rewatch = excluded.rewatch, tags = excluded.tags`,
			LetterboxdSource, r.User, r.FilmID, r.Watched, r.Date, r.Rating, r.Rewatch, r.Tags)
	case "reviews":
		return c.ExecArgs(ctx, `INSERT INTO reviews (source, external_user, film_id, watched_on, logged_on, rating, rewatch, body, tags)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_user, film_id, logged_on)
			DO UPDATE SET watched_on = excluded.watched_on, rating = excluded.rating, rewatch = excluded.rewatch,
			body = excluded.body, tags = excluded.tags`,
			LetterboxdSource, r.User, r.FilmID, r.Watched, r.Date, r.Rating, r.Rewatch, r.Body, r.Tags)
	}
	return nil
}

// BulkLetterboxdFilm returns the film an earlier import bound the
// Letterboxd URI uri to, or 0.
func BulkLetterboxdFilm(ctx context.Context, c BulkConn, uri string) (id int64, err error) {
	err = c.QueryArgs(ctx, "SELECT film_id FROM external_ids WHERE source = ? AND external_id = ?", func(v []driver.Value) error {
		id = bulkInt(v[0])
		return nil
	}, LetterboxdSource, uri)
	return id, err
}

// BulkBindLetterboxd binds the Letterboxd URI uri to film id, unless it
// is bound already.
func BulkBindLetterboxd(ctx context.Context, c BulkConn, uri string, id int64) error {
	return c.ExecArgs(ctx, "INSERT INTO external_ids (source, external_id, film_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		LetterboxdSource, uri, id)
}

// BulkUnbindLetterboxd forgets the film the URI uri was bound to.
func BulkUnbindLetterboxd(ctx context.Context, c BulkConn, uri string) error {
	return c.ExecArgs(ctx, "DELETE FROM external_ids WHERE source = ? AND external_id = ?", LetterboxdSource, uri)
}

// BulkListEntry is a film at a position of a member's named list.
type BulkListEntry struct {
	FilmID int64
	Notes  string
}

// BulkLetterboxdListEntries returns what an earlier import stored of
// user's list name: position → entry.
func BulkLetterboxdListEntries(ctx context.Context, c BulkConn, user, name string) (map[int64]BulkListEntry, error) {
	out := map[int64]BulkListEntry{}
	err := c.QueryArgs(ctx, `SELECT e.position, e.film_id, e.notes FROM user_named_list_films e
		JOIN user_named_lists n ON n.id = e.list_id WHERE n.source = ? AND n.external_user = ? AND n.name = ?`,
		func(v []driver.Value) error {
			out[bulkInt(v[0])] = BulkListEntry{bulkInt(v[1]), BulkText(v[2])}
			return nil
		}, LetterboxdSource, user, name)
	return out, err
}

// BulkLetterboxdList is a member's named list as its export gives it.
type BulkLetterboxdList struct {
	User, Name, URL, Description, Tags, Date string
}

// BulkResetLetterboxdList upserts list l and empties it of its films, for
// the import to write them again; it returns the list's id.
func BulkResetLetterboxdList(ctx context.Context, c BulkConn, l BulkLetterboxdList) (id int64, err error) {
	err = c.ExecArgs(ctx, `INSERT INTO user_named_lists (source, external_user, name, url, description, tags, created_on)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_user, name) DO UPDATE SET url = excluded.url,
		description = excluded.description, tags = excluded.tags, created_on = excluded.created_on`,
		LetterboxdSource, l.User, l.Name, l.URL, l.Description, l.Tags, l.Date)
	if err == nil {
		err = c.QueryArgs(ctx, "SELECT id FROM user_named_lists WHERE source = ? AND external_user = ? AND name = ?",
			func(v []driver.Value) error {
				id = bulkInt(v[0])
				return nil
			}, LetterboxdSource, l.User, l.Name)
	}
	if err == nil {
		err = c.ExecArgs(ctx, "DELETE FROM user_named_list_films WHERE list_id = ?", id)
	}
	return id, err
}

// BulkWriteListEntry puts entry e at position of list id.
func BulkWriteListEntry(ctx context.Context, c BulkConn, id, position int64, e BulkListEntry) error {
	return c.ExecArgs(ctx, `INSERT INTO user_named_list_films (list_id, position, film_id, notes) VALUES (?, ?, ?, ?)
		ON CONFLICT (list_id, position) DO UPDATE SET film_id = excluded.film_id, notes = excluded.notes`,
		id, position, e.FilmID, e.Notes)
}
