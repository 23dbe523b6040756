package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"marquee/internal/film"
	"marquee/internal/member"
)

// FilmLogChange is what a rate/like/watch write changes; nil fields are
// left as they are.
type FilmLogChange struct {
	Rating    *member.Rating // 0 removes the rating
	Liked     *bool
	WatchedOn *string
	At        time.Time // when it happened; zero means now (imports pass the file's date)
}

// SetFilmLog records a member's rating, like or watch of a film in one
// transaction; the film's histogram moves with it (triggers of migration
// 0009). A film with neither rating, like nor watch date stays marked
// watched, as on Letterboxd; RemoveFilmLog forgets it.
func (s *Store) SetFilmLog(ctx context.Context, uid int64, filmSlug string, c FilmLogChange) error {
	if c.Rating != nil && *c.Rating != 0 && !c.Rating.Valid() {
		return fmt.Errorf("rating %d half stars is out of range", *c.Rating)
	}
	if c.WatchedOn != nil {
		if _, err := member.ParseDate("film", "watched_on", *c.WatchedOn, true); err != nil {
			return err
		}
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, old, err := filmLogRef(ctx, tx, uid, filmSlug)
		if err != nil {
			return err
		}
		_, err = applyFilmLog(ctx, tx, uid, fid, old, c, true)
		return err
	})
}

// filmLog is a member's log of one film as stored; exists is false when
// there is none.
type filmLog struct {
	rating, liked int
	on            string
	exists        bool
}

// filmLogRef resolves a film for a member's log write (as filmRef) and
// reads the member's log of it in the same query: one round trip, not
// two, on PostgreSQL.
func filmLogRef(ctx context.Context, tx *sql.Tx, uid int64, slug string) (int64, filmLog, error) {
	var (
		fid    int64
		rating sql.NullInt64
		liked  sql.NullInt64
		on     sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT f.id, m.rating, m.liked, m.watched_on FROM films f
		LEFT JOIN member_films m ON m.film_id = f.id AND m.user_id = $1 WHERE f.slug = $2`, uid, slug).Scan(&fid, &rating, &liked, &on)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, filmLog{}, &film.NotFoundError{Entity: "film", Key: slug}
	}
	if err != nil {
		return 0, filmLog{}, err
	}
	return fid, filmLog{int(rating.Int64), int(liked.Int64), on.String, rating.Valid}, nil
}

// setFilmLog applies c and reports whether anything changed; activity is
// false for imports, which must not flood followers' feeds with history.
func setFilmLog(ctx context.Context, tx *sql.Tx, uid, fid int64, c FilmLogChange, activity bool) (bool, error) {
	var old filmLog
	err := tx.QueryRowContext(ctx, "SELECT rating, liked, watched_on FROM member_films WHERE user_id = $1 AND film_id = $2",
		uid, fid).Scan(&old.rating, &old.liked, &old.on)
	old.exists = err == nil
	if err != nil && err != sql.ErrNoRows {
		return false, err
	}
	return applyFilmLog(ctx, tx, uid, fid, old, c, activity)
}

// applyFilmLog is setFilmLog given the member's log as it stands.
func applyFilmLog(ctx context.Context, tx *sql.Tx, uid, fid int64, old filmLog, c FilmLogChange, activity bool) (bool, error) {
	exists := old.exists
	rating, liked, on := old.rating, old.liked, old.on
	if c.Rating != nil {
		rating = int(*c.Rating)
	}
	if c.Liked != nil {
		liked = boolInt(*c.Liked)
	}
	if c.WatchedOn != nil && *c.WatchedOn > on { // the latest viewing wins, in whatever order they come
		on = *c.WatchedOn
	}
	if exists && rating == old.rating && liked == old.liked && on == old.on {
		return false, nil
	}
	at := now()
	if !c.At.IsZero() {
		at = c.At.Unix()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO member_films (user_id, film_id, rating, liked, watched, watched_on, updated_at)
		VALUES ($1, $2, $3, $4, 1, $5, $6)
		ON CONFLICT (user_id, film_id) DO UPDATE SET rating = excluded.rating, liked = excluded.liked,
			watched_on = excluded.watched_on, updated_at = excluded.updated_at`, uid, fid, rating, liked, on, at)
	if err != nil || !activity {
		return true, err
	}
	if rating != old.rating && rating != 0 {
		if err := addActivity(ctx, tx, uid, "rated", fid, 0, member.Rating(rating), false); err != nil {
			return true, err
		}
	}
	if liked == 1 && old.liked == 0 {
		return true, addActivity(ctx, tx, uid, "liked", fid, 0, 0, false)
	}
	return true, nil
}

// RemoveFilmLog forgets a member's rating, like and watch of a film.
func (s *Store) RemoveFilmLog(ctx context.Context, uid int64, filmSlug string) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, err := filmRef(ctx, tx, filmSlug)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM member_films WHERE user_id = $1 AND film_id = $2", uid, fid)
		return err
	})
}

// FilmLogOf returns a member's log of one film; ok is false when there is none.
func (s *Store) FilmLogOf(ctx context.Context, uid int64, filmSlug string) (log member.FilmLog, ok bool, err error) {
	var liked, watched int
	var updated int64
	err = s.read.QueryRowContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''), m.rating, m.liked, m.watched, m.watched_on, m.updated_at
		FROM member_films m JOIN films f ON f.id = m.film_id WHERE m.user_id = $1 AND f.slug = $2`, uid, filmSlug).
		Scan(&log.FilmSlug, &log.FilmTitle, &log.FilmYear, &log.IMDbID, &log.Rating, &liked, &watched, &log.WatchedOn, &updated)
	if err == sql.ErrNoRows {
		return log, false, nil
	}
	if err != nil {
		return log, false, fmt.Errorf("film log: %w", err)
	}
	log.Liked, log.Watched, log.UpdatedAt = liked == 1, watched == 1, unixTime(updated)
	return log, true, nil
}

// MemberFilms returns every film a member watched, rated or liked, most
// recently changed first.
func (s *Store) MemberFilms(ctx context.Context, uid int64) ([]member.FilmLog, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''), m.rating, m.liked, m.watched, m.watched_on, m.updated_at
		FROM member_films m JOIN films f ON f.id = m.film_id WHERE m.user_id = $1 ORDER BY m.updated_at DESC, f.title`, uid)
	if err != nil {
		return nil, fmt.Errorf("member films: %w", err)
	}
	defer rows.Close()
	var out []member.FilmLog
	for rows.Next() {
		var (
			l              member.FilmLog
			liked, watched int
			updated        int64
		)
		if err := rows.Scan(&l.FilmSlug, &l.FilmTitle, &l.FilmYear, &l.IMDbID, &l.Rating, &liked, &watched, &l.WatchedOn, &updated); err != nil {
			return nil, err
		}
		l.Liked, l.Watched, l.UpdatedAt = liked == 1, watched == 1, unixTime(updated)
		out = append(out, l)
	}
	return out, rows.Err()
}

// FilmHistogram returns the members' ratings of a film, from the counts the
// triggers keep: at most ten rows by primary key, whatever the film's
// popularity.
func (s *Store) FilmHistogram(ctx context.Context, filmID int64) (member.Histogram, error) {
	var h member.Histogram
	rows, err := s.read.QueryContext(ctx, "SELECT stars, n FROM film_member_ratings WHERE film_id = $1", filmID)
	if err != nil {
		return h, fmt.Errorf("film histogram: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var stars, n int
		if err := rows.Scan(&stars, &n); err != nil {
			return h, err
		}
		if stars >= 1 && stars <= 10 {
			h.Counts[stars-1] = n
		}
	}
	if err := rows.Err(); err != nil {
		return h, err
	}
	err = s.read.QueryRowContext(ctx, "SELECT likes FROM film_member_stats WHERE film_id = $1", filmID).Scan(&h.Likes)
	if err != nil && err != sql.ErrNoRows {
		return h, err
	}
	return h, nil
}

// RecountHistogram counts a film's member ratings from member_films itself;
// FilmHistogram must always equal it (tests and the load benchmark check).
func (s *Store) RecountHistogram(ctx context.Context, filmID int64) (member.Histogram, error) {
	var h member.Histogram
	rows, err := s.read.QueryContext(ctx, "SELECT rating, count(*) FROM member_films WHERE film_id = $1 AND rating > 0 GROUP BY rating", filmID)
	if err != nil {
		return h, fmt.Errorf("recount histogram: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var stars, n int
		if err := rows.Scan(&stars, &n); err != nil {
			return h, err
		}
		h.Counts[stars-1] = n
	}
	if err := rows.Err(); err != nil {
		return h, err
	}
	err = s.read.QueryRowContext(ctx, "SELECT count(*) FROM member_films WHERE film_id = $1 AND liked = 1", filmID).Scan(&h.Likes)
	return h, err
}

// FilmMemberGen is a stamp that moves with every member write a film's
// page shows (ratings, likes, reviews, review likes). It lives in the
// database, so it holds across serve processes.
func (s *Store) FilmMemberGen(ctx context.Context, filmID int64) (int64, error) {
	var gen int64
	err := s.read.QueryRowContext(ctx, "SELECT gen FROM film_member_stats WHERE film_id = $1", filmID).Scan(&gen)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return gen, err
}
