package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
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

// memberSource is the source of the rows in the import tables that belong
// to a member by name: their Letterboxd import.
const memberSource = "letterboxd"

// PersonHistory returns the ratings and logged films of the person named
// by key: "ml:ID" for a MovieLens user, otherwise a member's name, which
// gathers their own ratings, diary and reviews (member_films,
// member_diary, member_reviews) and their Letterboxd import. A person
// with no account and nothing rated is ErrNotFound.
func (s *Store) PersonHistory(ctx context.Context, key string) (*History, error) {
	h := &History{Key: key, Seen: map[int64]bool{}}
	// The source is named, never "<> 'movielens'", so the primary key
	// (source, external_user, …) finds the rows among millions.
	source, user, cond := "movielens", strings.TrimPrefix(key, "ml:"), "source = $1"
	if !strings.HasPrefix(key, "ml:") {
		source, user = memberSource, key
	}
	args := []any{source, user}
	if !strings.HasPrefix(key, "ml:") {
		if err := s.memberHistory(ctx, key, h); err != nil {
			return nil, fmt.Errorf("history of %q: %w", key, err)
		}
	}
	rated := make(map[int64]bool, len(h.Ratings))
	for _, r := range h.Ratings {
		rated[r.FilmID] = true
	}
	err := s.eachRow(ctx, `SELECT r.film_id, f.title, r.rating FROM user_ratings r JOIN films f ON f.id = r.film_id
		WHERE r.`+cond+` AND r.external_user = $2 ORDER BY r.rating DESC, r.rated_at DESC, r.film_id`, args, func(rows *sql.Rows) error {
		var r PersonRating
		if err := rows.Scan(&r.FilmID, &r.Title, &r.Stars); err != nil {
			return err
		}
		if !rated[r.FilmID] {
			h.Ratings = append(h.Ratings, r)
			rated[r.FilmID] = true
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
	// Best rated first; among equal stars a member's own rating (read
	// first) before an imported one, then newest.
	slices.SortStableFunc(h.Ratings, func(a, b PersonRating) int { return cmp.Compare(b.Stars, a.Stars) })
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

// memberHistory adds a member's own ratings (member_films, half stars as
// stars) and every film they marked, logged in the diary or reviewed.
func (s *Store) memberHistory(ctx context.Context, name string, h *History) error {
	err := s.eachRow(ctx, `SELECT mf.film_id, f.title, mf.rating FROM member_films mf
		JOIN users u ON u.id = mf.user_id JOIN films f ON f.id = mf.film_id
		WHERE u.username = $1 ORDER BY mf.rating DESC, mf.updated_at DESC, mf.film_id`, []any{name}, func(rows *sql.Rows) error {
		var (
			r    PersonRating
			half int
		)
		if err := rows.Scan(&r.FilmID, &r.Title, &half); err != nil {
			return err
		}
		if half > 0 {
			r.Stars = float64(half) / 2
			h.Ratings = append(h.Ratings, r)
		}
		h.Seen[r.FilmID] = true
		return nil
	})
	if err != nil {
		return err
	}
	return s.eachRow(ctx, `SELECT d.film_id FROM member_diary d JOIN users u ON u.id = d.user_id WHERE u.username = $1
		UNION SELECT r.film_id FROM member_reviews r JOIN users u ON u.id = r.user_id WHERE u.username = $1`, []any{name}, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		h.Seen[id] = true
		return nil
	})
}
