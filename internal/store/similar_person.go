package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// PersonRating is one of a person's ratings, newest first in History.
type PersonRating struct {
	FilmID int64
	Title  string
	Stars  float64
}

// History is what a person has rated and logged, for recommending.
type History struct {
	Key     string         // "ml:ID" or the member's name
	Ratings []PersonRating // best rated first, then newest
	Seen    map[int64]bool // every film rated, logged in the diary, reviewed or marked watched
}

// PersonHistory returns the ratings and logged films of the person named
// by key: "ml:ID" for a MovieLens user, otherwise a member's name, which
// gathers their ratings from every source but MovieLens (their own and
// their Letterboxd import). A person with no account and nothing rated
// is ErrNotFound.
func (s *Store) PersonHistory(ctx context.Context, key string) (*History, error) {
	h := &History{Key: key, Seen: map[int64]bool{}}
	source, user, cond := "movielens", strings.TrimPrefix(key, "ml:"), "source = $1"
	if !strings.HasPrefix(key, "ml:") {
		source, user, cond = "movielens", key, "source <> $1"
	}
	args := []any{source, user}
	err := s.eachRow(ctx, `SELECT r.film_id, f.title, r.rating FROM user_ratings r JOIN films f ON f.id = r.film_id
		WHERE r.`+cond+` AND r.external_user = $2 ORDER BY r.rating DESC, r.rated_at DESC, r.film_id`, args, func(rows *sql.Rows) error {
		var r PersonRating
		if err := rows.Scan(&r.FilmID, &r.Title, &r.Stars); err != nil {
			return err
		}
		if !h.Seen[r.FilmID] {
			h.Ratings = append(h.Ratings, r)
		}
		h.Seen[r.FilmID] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history of %q: %w", key, err)
	}
	// Logged, reviewed or marked watched: one query for the three tables.
	err = s.eachRow(ctx, `SELECT film_id FROM diary_entries WHERE `+cond+` AND external_user = $2
		UNION SELECT film_id FROM reviews WHERE `+cond+` AND external_user = $2
		UNION SELECT film_id FROM user_lists WHERE `+cond+` AND external_user = $2 AND list = 'watched'`, args, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		h.Seen[id] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("history of %q: %w", key, err)
	}
	if len(h.Seen) > 0 {
		return h, nil
	}
	if !strings.HasPrefix(key, "ml:") {
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE username = $1", key).Scan(&n); err != nil {
			return nil, fmt.Errorf("history of %q: %w", key, err)
		}
		if n > 0 {
			return h, nil
		}
	}
	return nil, notFoundErr("user", key)
}
