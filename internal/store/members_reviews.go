package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/member"
)

// PutReview files a new review by member uid and returns its id. A review
// carrying a rating also rates the film.
func (s *Store) PutReview(ctx context.Context, uid int64, r member.Review) (int64, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		id, err = putReview(ctx, tx, uid, r)
		return err
	})
	return id, err
}

func putReview(ctx context.Context, tx *sql.Tx, uid int64, r member.Review) (int64, error) {
	fid, err := filmRef(ctx, tx, r.FilmSlug)
	if err != nil {
		return 0, err
	}
	created := now()
	if !r.CreatedAt.IsZero() {
		created = r.CreatedAt.Unix()
	}
	// The rating goes first: a writer takes the member's film row before the
	// film's stats row, the same order as every other member write.
	if r.Rating != 0 {
		rating := r.Rating
		if _, err := setFilmLog(ctx, tx, uid, fid, FilmLogChange{Rating: &rating}, true); err != nil {
			return 0, err
		}
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO member_reviews (user_id, film_id, body, spoiler, rating, watched_on, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		uid, fid, r.Body, boolInt(r.Spoiler), int(r.Rating), r.WatchedOn, created, created).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, addActivity(ctx, tx, uid, "reviewed", fid, id, r.Rating, false)
}

// UpdateReview changes the body, spoiler flag, rating and date of a review
// by its author; another member gets a *ForbiddenError.
func (s *Store) UpdateReview(ctx context.Context, uid, id int64, r member.Review) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_reviews", "review", id, uid); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE member_reviews SET body = $1, spoiler = $2, rating = $3, watched_on = $4, updated_at = $5
			WHERE id = $6`, r.Body, boolInt(r.Spoiler), int(r.Rating), r.WatchedOn, now(), id)
		return err
	})
}

// DeleteReview deletes a review by its author.
func (s *Store) DeleteReview(ctx context.Context, uid, id int64) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_reviews", "review", id, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM member_activity WHERE kind = 'reviewed' AND ref = $1", id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM member_reviews WHERE id = $1", id)
		return err
	})
}

// HideReview hides or shows a review; the caller checks the editor role.
func (s *Store) HideReview(ctx context.Context, id int64, hidden bool) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE member_reviews SET hidden = $1 WHERE id = $2", boolInt(hidden), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundErr("review", fmt.Sprint(id))
		}
		return nil
	})
}

// LikeReview adds or removes member uid's like of a review; liking twice
// counts once.
func (s *Store) LikeReview(ctx context.Context, uid, id int64, liked bool) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var x int64
		if err := tx.QueryRowContext(ctx, "SELECT id FROM member_reviews WHERE id = $1", id).Scan(&x); err != nil {
			return notFound(err, "review", fmt.Sprint(id))
		}
		q := "DELETE FROM member_review_likes WHERE review_id = $1 AND user_id = $2"
		if liked {
			q = "INSERT INTO member_review_likes (review_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
		}
		_, err := tx.ExecContext(ctx, q, id, uid)
		return err
	})
}

// ReviewOrder sorts a film's reviews.
type ReviewOrder string

// Review orders.
const (
	ByRecency ReviewOrder = "recent"
	ByLikes   ReviewOrder = "likes"
)

const reviewCols = `r.id, u.username, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''), r.body, r.spoiler, r.rating, r.watched_on, r.hidden, r.likes, r.created_at, r.updated_at
	FROM member_reviews r JOIN users u ON u.id = r.user_id JOIN films f ON f.id = r.film_id`

func scanReviews(rows *sql.Rows) ([]member.Review, error) {
	defer rows.Close()
	var out []member.Review
	for rows.Next() {
		var (
			rr               member.Review
			spoiler, hidden  int
			created, updated int64
		)
		if err := rows.Scan(&rr.ID, &rr.Author, &rr.FilmSlug, &rr.FilmTitle, &rr.FilmYear, &rr.IMDbID, &rr.Body, &spoiler, &rr.Rating,
			&rr.WatchedOn, &hidden, &rr.Likes, &created, &updated); err != nil {
			return nil, err
		}
		rr.Spoiler, rr.Hidden = spoiler == 1, hidden == 1
		rr.CreatedAt, rr.UpdatedAt = unixTime(created), unixTime(updated)
		out = append(out, rr)
	}
	return out, rows.Err()
}

// FilmReviews returns a film's visible reviews in the given order.
func (s *Store) FilmReviews(ctx context.Context, filmID int64, order ReviewOrder, limit int) ([]member.Review, error) {
	return s.filmReviews(ctx, filmID, order, limit, "AND r.hidden = 0")
}

// FilmReviewsWithHidden is FilmReviews with the reviews editors hid among
// them (Hidden set), for an editor's view of a film.
func (s *Store) FilmReviewsWithHidden(ctx context.Context, filmID int64, order ReviewOrder, limit int) ([]member.Review, error) {
	return s.filmReviews(ctx, filmID, order, limit, "")
}

func (s *Store) filmReviews(ctx context.Context, filmID int64, order ReviewOrder, limit int, hidden string) ([]member.Review, error) {
	by := "r.created_at DESC, r.id DESC"
	if order == ByLikes {
		by = "r.likes DESC, r.created_at DESC, r.id DESC"
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+reviewCols+" WHERE r.film_id = $1 "+hidden+" ORDER BY "+by+" LIMIT $2", filmID, limit)
	if err != nil {
		return nil, fmt.Errorf("film reviews: %w", err)
	}
	return scanReviews(rows)
}

// MemberReviews returns a member's reviews, newest first, hidden ones included.
func (s *Store) MemberReviews(ctx context.Context, uid int64) ([]member.Review, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+reviewCols+" WHERE r.user_id = $1 ORDER BY r.created_at DESC, r.id DESC", uid)
	if err != nil {
		return nil, fmt.Errorf("member reviews: %w", err)
	}
	return scanReviews(rows)
}

// GetReview returns one review.
func (s *Store) GetReview(ctx context.Context, id int64) (member.Review, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+reviewCols+" WHERE r.id = $1", id)
	if err != nil {
		return member.Review{}, fmt.Errorf("review: %w", err)
	}
	out, err := scanReviews(rows)
	if err != nil {
		return member.Review{}, err
	}
	if len(out) == 0 {
		return member.Review{}, notFoundErr("review", fmt.Sprint(id))
	}
	return out[0], nil
}

// LikedReviews returns which of a film's reviews member uid has liked.
func (s *Store) LikedReviews(ctx context.Context, uid, filmID int64) (map[int64]bool, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT l.review_id FROM member_review_likes l JOIN member_reviews r ON r.id = l.review_id
		WHERE l.user_id = $1 AND r.film_id = $2`, uid, filmID)
	if err != nil {
		return nil, fmt.Errorf("liked reviews: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("liked reviews: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}
