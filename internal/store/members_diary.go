package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/member"
)

// LogViewing adds a diary entry for member uid and returns its id. The
// film is marked watched on that date, and the entry's rating and like, when
// given, become the member's rating and like of the film.
func (s *Store) LogViewing(ctx context.Context, uid int64, d member.DiaryEntry) (int64, error) {
	if err := d.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		id, err = logViewing(ctx, tx, uid, d)
		return err
	})
	return id, err
}

func logViewing(ctx context.Context, tx *sql.Tx, uid int64, d member.DiaryEntry) (int64, error) {
	fid, old, err := filmLogRef(ctx, tx, uid, d.FilmSlug)
	if err != nil {
		return 0, err
	}
	created := now()
	if !d.CreatedAt.IsZero() {
		created = d.CreatedAt.Unix()
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO member_diary (user_id, film_id, watched_on, rating, rewatch, liked, tags, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		uid, fid, d.WatchedOn, int(d.Rating), boolInt(d.Rewatch), boolInt(d.Liked), strings.Join(d.Tags, ","), created).Scan(&id)
	if err != nil {
		return 0, err
	}
	c := FilmLogChange{WatchedOn: &d.WatchedOn}
	if d.Rating != 0 {
		c.Rating = &d.Rating
	}
	if d.Liked {
		c.Liked = &d.Liked
	}
	if _, err := applyFilmLog(ctx, tx, uid, fid, old, c, true); err != nil {
		return 0, err
	}
	private, err := diaryPrivate(ctx, tx, uid)
	if err != nil {
		return 0, err
	}
	return id, addActivity(ctx, tx, uid, "logged", fid, id, d.Rating, private)
}

// DeleteDiaryEntry deletes an entry of member uid's diary.
func (s *Store) DeleteDiaryEntry(ctx context.Context, uid, id int64) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_diary", "diary entry", id, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM member_activity WHERE kind = 'logged' AND ref = $1", id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM member_diary WHERE id = $1", id)
		return err
	})
}

// Diary returns a member's diary, latest viewing first.
func (s *Store) Diary(ctx context.Context, uid int64) ([]member.DiaryEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT d.id, u.username, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''),
			d.watched_on, d.rating, d.rewatch, d.liked, d.tags, d.created_at
		FROM member_diary d JOIN users u ON u.id = d.user_id JOIN films f ON f.id = d.film_id
		WHERE d.user_id = $1 ORDER BY d.watched_on DESC, d.id DESC`, uid)
	if err != nil {
		return nil, fmt.Errorf("diary: %w", err)
	}
	defer rows.Close()
	var out []member.DiaryEntry
	for rows.Next() {
		var (
			d              member.DiaryEntry
			rewatch, liked int
			tags           string
			created        int64
		)
		if err := rows.Scan(&d.ID, &d.Member, &d.FilmSlug, &d.FilmTitle, &d.FilmYear, &d.IMDbID, &d.WatchedOn, &d.Rating,
			&rewatch, &liked, &tags, &created); err != nil {
			return nil, err
		}
		d.Rewatch, d.Liked, d.Tags, d.CreatedAt = rewatch == 1, liked == 1, member.SplitTags(tags), unixTime(created)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Rewatches counts a member's diary entries flagged as rewatches.
func (s *Store) Rewatches(ctx context.Context, uid int64) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM member_diary WHERE user_id = $1 AND rewatch = 1", uid).Scan(&n)
	return n, err
}
