package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/member"
)

// DiaryEntryByID returns one diary entry. The caller decides whether a
// private diary may be shown.
func (s *Store) DiaryEntryByID(ctx context.Context, id int64) (member.DiaryEntry, error) {
	var (
		d              member.DiaryEntry
		rewatch, liked int
		tags           string
		created        int64
	)
	err := s.read.QueryRowContext(ctx, `SELECT d.id, u.username, f.slug, f.title, f.year, COALESCE(f.imdb_id, ''),
			d.watched_on, d.rating, d.rewatch, d.liked, d.tags, d.created_at
		FROM member_diary d JOIN users u ON u.id = d.user_id JOIN films f ON f.id = d.film_id WHERE d.id = $1`, id).
		Scan(&d.ID, &d.Member, &d.FilmSlug, &d.FilmTitle, &d.FilmYear, &d.IMDbID, &d.WatchedOn, &d.Rating, &rewatch, &liked, &tags, &created)
	if err != nil {
		return d, notFound(err, "diary entry", fmt.Sprint(id))
	}
	d.Rewatch, d.Liked, d.Tags, d.CreatedAt = rewatch == 1, liked == 1, member.SplitTags(tags), unixTime(created)
	return d, nil
}

// UpdateDiaryEntry changes the date, rating, rewatch flag, like and tags
// of an entry of member uid's diary (its film stays). As when logging, a
// rating or like given becomes the member's rating or like of the film and
// a later date its watch date; the film's histogram moves with it.
func (s *Store) UpdateDiaryEntry(ctx context.Context, uid, id int64, d member.DiaryEntry) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_diary", "diary entry", id, uid); err != nil {
			return err
		}
		var fid int64
		if err := tx.QueryRowContext(ctx, "SELECT film_id FROM member_diary WHERE id = $1", id).Scan(&fid); err != nil {
			return err
		}
		c := FilmLogChange{WatchedOn: &d.WatchedOn}
		if d.Rating != 0 {
			c.Rating = &d.Rating
		}
		if d.Liked {
			c.Liked = &d.Liked
		}
		// The member's film row first, then the entry: the lock order of
		// every other member write.
		if _, err := setFilmLog(ctx, tx, uid, fid, c, true); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE member_diary SET watched_on = $1, rating = $2, rewatch = $3, liked = $4, tags = $5
			WHERE id = $6`, d.WatchedOn, int(d.Rating), boolInt(d.Rewatch), boolInt(d.Liked), strings.Join(d.Tags, ","), id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE member_activity SET rating = $1 WHERE kind = 'logged' AND ref = $2", int(d.Rating), id)
		return err
	})
}
