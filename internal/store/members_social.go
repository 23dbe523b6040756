package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/member"
)

// Follow makes member uid follow (or stop following) member other.
func (s *Store) Follow(ctx context.Context, uid, other int64, on bool) error {
	if uid == other {
		return &film.ValidationError{Entity: "follow", Field: "member", Reason: "cannot be yourself"}
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if !on {
			_, err := tx.ExecContext(ctx, "DELETE FROM member_follows WHERE follower_id = $1 AND followee_id = $2", uid, other)
			return err
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO member_follows (follower_id, followee_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
			uid, other, now())
		if err != nil {
			return s.wrap(err, "follow", "member", fmt.Sprint(other))
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return addActivity(ctx, tx, uid, "followed", 0, other, 0, false)
		}
		return nil
	})
}

// Follows reports whether member uid follows member other.
func (s *Store) Follows(ctx context.Context, uid, other int64) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM member_follows WHERE follower_id = $1 AND followee_id = $2", uid, other).Scan(&n)
	return n > 0, err
}

// Following returns the usernames member uid follows.
func (s *Store) Following(ctx context.Context, uid int64) ([]string, error) {
	return s.strings(ctx, `SELECT u.username FROM member_follows m JOIN users u ON u.id = m.followee_id
		WHERE m.follower_id = $1 ORDER BY u.username`, uid)
}

// Followers returns the usernames following member uid.
func (s *Store) Followers(ctx context.Context, uid int64) ([]string, error) {
	return s.strings(ctx, `SELECT u.username FROM member_follows m JOIN users u ON u.id = m.follower_id
		WHERE m.followee_id = $1 ORDER BY u.username`, uid)
}

const activityCols = `a.id, u.username, a.kind, COALESCE(f.slug, ''), COALESCE(f.title, ''), COALESCE(f.year, 0), a.ref, a.rating,
		COALESCE(l.name, o.username, ''), a.created_at
	FROM member_activity a JOIN users u ON u.id = a.user_id
	LEFT JOIN films f ON f.id = a.film_id
	LEFT JOIN member_lists l ON a.kind = 'listed' AND l.id = a.ref
	LEFT JOIN users o ON a.kind = 'followed' AND o.id = a.ref`

// Feed returns the public activity of the members uid follows, newest first.
func (s *Store) Feed(ctx context.Context, uid int64, limit int) ([]member.Activity, error) {
	return s.activity(ctx, "SELECT "+activityCols+` WHERE a.user_id IN (SELECT followee_id FROM member_follows WHERE follower_id = $1)
		AND a.private = 0 ORDER BY a.id DESC LIMIT $2`, uid, limit)
}

// MemberActivity returns one member's activity, newest first; private
// entries (a private diary, private lists) only when withPrivate.
func (s *Store) MemberActivity(ctx context.Context, uid int64, withPrivate bool, limit int) ([]member.Activity, error) {
	return s.activity(ctx, "SELECT "+activityCols+` WHERE a.user_id = $1 AND (a.private = 0 OR $2 = 1) ORDER BY a.id DESC LIMIT $3`,
		uid, boolInt(withPrivate), limit)
}

func (s *Store) activity(ctx context.Context, q string, args ...any) ([]member.Activity, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("activity: %w", err)
	}
	defer rows.Close()
	var out []member.Activity
	for rows.Next() {
		var (
			a  member.Activity
			at int64
		)
		if err := rows.Scan(&a.ID, &a.Member, &a.Kind, &a.FilmSlug, &a.FilmTitle, &a.FilmYear, &a.Ref, &a.Rating, &a.Object, &at); err != nil {
			return nil, err
		}
		a.CreatedAt = unixTime(at)
		out = append(out, a)
	}
	return out, rows.Err()
}

func diaryPrivate(ctx context.Context, q querier, uid int64) (bool, error) {
	var p int
	err := q.QueryRowContext(ctx, "SELECT diary_private FROM member_settings WHERE user_id = $1", uid).Scan(&p)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return p == 1, err
}

// MemberSettings returns a member's privacy settings and favourite films;
// a member who never saved any has a public profile and a public diary.
func (s *Store) MemberSettings(ctx context.Context, uid int64) (member.Settings, error) {
	st := member.Settings{Profile: member.ProfilePublic}
	var profile string
	var private int
	err := s.read.QueryRowContext(ctx, "SELECT profile, diary_private FROM member_settings WHERE user_id = $1", uid).Scan(&profile, &private)
	switch {
	case err == nil:
		st.Profile, st.DiaryPrivate = member.Privacy(profile), private == 1
	case err != sql.ErrNoRows:
		return st, fmt.Errorf("member settings: %w", err)
	}
	st.Favourites, err = s.strings(ctx, `SELECT f.slug FROM member_favourites m JOIN films f ON f.id = m.film_id
		WHERE m.user_id = $1 ORDER BY m.position`, uid)
	return st, err
}

// SaveMemberSettings stores a member's privacy settings and favourites. A
// diary made private takes its past entries out of feeds too.
func (s *Store) SaveMemberSettings(ctx context.Context, uid int64, st member.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO member_settings (user_id, profile, diary_private) VALUES ($1, $2, $3)
			ON CONFLICT (user_id) DO UPDATE SET profile = excluded.profile, diary_private = excluded.diary_private`,
			uid, string(st.Profile), boolInt(st.DiaryPrivate))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE member_activity SET private = $1 WHERE user_id = $2 AND kind = 'logged'",
			boolInt(st.DiaryPrivate), uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM member_favourites WHERE user_id = $1", uid); err != nil {
			return err
		}
		seen := map[string]bool{}
		pos := 0
		for _, slug := range st.Favourites {
			if slug == "" || seen[slug] {
				continue
			}
			seen[slug] = true
			fid, err := filmRef(ctx, tx, slug)
			if err != nil {
				return err
			}
			pos++
			if _, err := tx.ExecContext(ctx, "INSERT INTO member_favourites (user_id, position, film_id) VALUES ($1, $2, $3)", uid, pos, fid); err != nil {
				return err
			}
		}
		return nil
	})
}

// MemberStats are the counts a profile shows.
type MemberStats struct {
	Films, Diary, Rewatches, Reviews, Lists, Following, Followers int
	Ratings                                                       member.Histogram
}

// MemberStatsOf counts a member's films, diary entries, rewatches, reviews,
// public lists, follows and rating distribution.
func (s *Store) MemberStatsOf(ctx context.Context, uid int64) (MemberStats, error) {
	var st MemberStats
	err := s.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM member_films WHERE user_id = $1),
		(SELECT count(*) FROM member_diary WHERE user_id = $1),
		(SELECT count(*) FROM member_diary WHERE user_id = $1 AND rewatch = 1),
		(SELECT count(*) FROM member_reviews WHERE user_id = $1),
		(SELECT count(*) FROM member_lists WHERE user_id = $1 AND public = 1),
		(SELECT count(*) FROM member_follows WHERE follower_id = $1),
		(SELECT count(*) FROM member_follows WHERE followee_id = $1)`, uid).
		Scan(&st.Films, &st.Diary, &st.Rewatches, &st.Reviews, &st.Lists, &st.Following, &st.Followers)
	if err != nil {
		return st, fmt.Errorf("member stats: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT rating, count(*) FROM member_films WHERE user_id = $1 AND rating > 0 GROUP BY rating", uid)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var r, n int
		if err := rows.Scan(&r, &n); err != nil {
			return st, err
		}
		st.Ratings.Counts[r-1] = n
	}
	return st, rows.Err()
}
