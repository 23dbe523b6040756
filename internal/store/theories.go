package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"marquee/internal/film"
)

// authorName is how wiki queries name the member behind a row joined as u.
const authorName = `CASE WHEN u.deleted = 1 THEN '' ELSE COALESCE(NULLIF(u.display_name, ''), u.username, '') END`

const theoryColumns = `t.id, f.slug, f.title, ` + authorName + `, COALESCE(t.user_id, 0), t.title, t.body, t.spoiler, t.status,
	t.status_source, t.score, t.ups, t.downs, COALESCE(th.replies, 0), t.hidden, t.hidden_reason, COALESCE(th.id, 0), t.created_at`

const theoryFrom = ` FROM theories t JOIN films f ON f.id = t.film_id LEFT JOIN users u ON u.id = t.user_id
	LEFT JOIN threads th ON th.theory_id = t.id`

func scanTheory(sc interface{ Scan(...any) error }) (*film.Theory, error) {
	var (
		t      film.Theory
		status string
		at     int64
	)
	if err := sc.Scan(&t.ID, &t.FilmSlug, &t.FilmTitle, &t.Author, &t.UserID, &t.Title, &t.Body, &t.Spoiler, &status,
		&t.StatusSource, &t.Score, &t.Ups, &t.Downs, &t.Comments, &t.Hidden, &t.HiddenReason, &t.ThreadID, &at); err != nil {
		return nil, err
	}
	t.Status, t.CreatedAt = film.TheoryStatus(status), unixTime(at)
	return &t, nil
}

// CreateTheory stores a member's theory on the film t.FilmSlug, with the
// thread its comments go in, and sets t.ID and t.ThreadID.
func (s *Store) CreateTheory(ctx context.Context, t *film.Theory) error {
	if err := t.Validate(); err != nil {
		return err
	}
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "theory", t.FilmSlug)
		if err != nil {
			return err
		}
		at := now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO theories (film_id, user_id, title, body, spoiler, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`, fid, nullID(t.UserID), t.Title, t.Body, b2i(t.Spoiler), at).Scan(&t.ID); err != nil {
			return err
		}
		t.Status, t.CreatedAt = film.TheoryOpen, unixTime(at)
		return tx.QueryRowContext(ctx, `INSERT INTO threads (film_id, scope, theory_id, title, user_id, created_at, last_post_at)
			VALUES ($1, 'theory', $2, $3, $4, $5, $5) RETURNING id`, fid, t.ID, t.Title, nullID(t.UserID), at).Scan(&t.ThreadID)
	})
	return s.wrap(err, "create", "theory", t.FilmSlug)
}

// Theory returns one theory, hidden or not; viewer (0: anonymous) gets
// their own vote in MyVote.
func (s *Store) Theory(ctx context.Context, id, viewer int64) (*film.Theory, error) {
	t, err := scanTheory(s.read.QueryRowContext(ctx, `SELECT `+theoryColumns+theoryFrom+` WHERE t.id = $1`, id))
	if err != nil {
		key := fmt.Sprint(id)
		return nil, s.wrap(notFound(err, "theory", key), "get", "theory", key)
	}
	if viewer != 0 {
		err := s.read.QueryRowContext(ctx, "SELECT value FROM theory_votes WHERE theory_id = $1 AND user_id = $2", id, viewer).Scan(&t.MyVote)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("vote on theory %d: %w", id, err)
		}
	}
	return t, nil
}

// TheoryFilter chooses a film's theories.
type TheoryFilter struct {
	Sort   string // "top" (score, then newest) or "new"
	Hidden bool   // include hidden theories (for editors)
	Limit  int
	Offset int
}

// FilmTheories returns a film's theories, best first or newest first, and
// how many there are in all.
func (s *Store) FilmTheories(ctx context.Context, filmSlug string, f TheoryFilter) ([]film.Theory, int, error) {
	fid, err := filmID(ctx, s.read, "theory", filmSlug)
	if err != nil {
		return nil, 0, s.wrap(err, "list", "theories", filmSlug)
	}
	order := "t.score DESC, t.id DESC"
	if f.Sort == "new" {
		order = "t.id DESC"
	}
	hidden := "AND t.hidden = 0"
	if f.Hidden {
		hidden = ""
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+theoryColumns+theoryFrom+` WHERE t.film_id = $1 `+hidden+`
		ORDER BY `+order+` LIMIT $2 OFFSET $3`, fid, f.Limit, f.Offset)
	if err != nil {
		return nil, 0, fmt.Errorf("theories of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Theory
	for rows.Next() {
		t, err := scanTheory(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, *t)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM theories t WHERE t.film_id = $1 "+hidden, fid).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count theories of %q: %w", filmSlug, err)
	}
	return out, total, nil
}

// VoteTheory records user's vote (1 up, -1 down) on a theory, replacing an
// earlier different vote; value 0 withdraws it. A member cannot vote on
// their own theory (*film.ForbiddenError), and casting the same vote twice
// is a *film.ConflictError. The theory's score changes in the same
// transaction, so it always equals the sum of its votes.
func (s *Store) VoteTheory(ctx context.Context, theoryID, user int64, value int) error {
	if value < -1 || value > 1 {
		return &film.ValidationError{Entity: "vote", Field: "value", Reason: "must be 1, -1 or 0"}
	}
	key := fmt.Sprint(theoryID)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var (
			owner  int64
			hidden bool
		)
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(user_id, 0), hidden FROM theories WHERE id = $1", theoryID).Scan(&owner, &hidden); err != nil {
			return notFound(err, "theory", key)
		}
		if owner == user {
			return &film.ForbiddenError{Action: "vote", Reason: "you cannot vote on your own theory"}
		}
		if hidden {
			return &film.ForbiddenError{Action: "vote", Reason: "the theory is hidden"}
		}
		var old int
		err := tx.QueryRowContext(ctx, "SELECT value FROM theory_votes WHERE theory_id = $1 AND user_id = $2", theoryID, user).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if old == value {
			if value == 0 {
				return nil
			}
			return &film.ConflictError{Entity: "vote", Key: key}
		}
		switch {
		case value == 0:
			_, err = tx.ExecContext(ctx, "DELETE FROM theory_votes WHERE theory_id = $1 AND user_id = $2", theoryID, user)
		case old == 0:
			_, err = tx.ExecContext(ctx, "INSERT INTO theory_votes (theory_id, user_id, value, voted_at) VALUES ($1, $2, $3, $4)", theoryID, user, value, now())
		default:
			_, err = tx.ExecContext(ctx, "UPDATE theory_votes SET value = $1, voted_at = $2 WHERE theory_id = $3 AND user_id = $4", value, now(), theoryID, user)
		}
		if err != nil {
			return err
		}
		return recountTheory(ctx, tx, theoryID)
	})
	return s.wrap(err, "vote on", "theory", key)
}

// recountTheory sets a theory's vote counts from its votes.
func recountTheory(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE theories SET
		ups = (SELECT COUNT(*) FROM theory_votes WHERE theory_id = $1 AND value = 1),
		downs = (SELECT COUNT(*) FROM theory_votes WHERE theory_id = $1 AND value = -1),
		score = (SELECT COALESCE(SUM(value), 0) FROM theory_votes WHERE theory_id = $1)
		WHERE id = $1`, id)
	return err
}

// RecountVotesOf brings the scores of the theories a member voted on back
// in line after their votes are withdrawn (account deletion); run it in
// the transaction that deletes the votes, after the delete.
func RecountVotesOf(ctx context.Context, tx *sql.Tx, theoryIDs []int64) error {
	for _, id := range theoryIDs {
		if err := recountTheory(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// SetTheoryStatus records an editor's verdict on a theory with its source
// (a URL or a citation; required unless the status is "open").
func (s *Store) SetTheoryStatus(ctx context.Context, id int64, status film.TheoryStatus, source string, by int64) error {
	switch status {
	case film.TheoryOpen:
		source = ""
	case film.TheoryConfirmed, film.TheoryDebunked:
		if source == "" {
			return &film.ValidationError{Entity: "theory", Field: "source", Reason: "is required to confirm or debunk a theory"}
		}
	default:
		return &film.ValidationError{Entity: "theory", Field: "status", Reason: "must be open, confirmed or debunked"}
	}
	key := fmt.Sprint(id)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE theories SET status = $1, status_source = $2, status_by = $3, updated_at = $4 WHERE id = $5",
			string(status), source, nullID(by), now(), id)
		return affected(res, err, "theory", key)
	})
	return s.wrap(err, "set status of", "theory", key)
}

// HideTheory hides (or, with hidden false, shows again) a theory, keeping
// the reason.
func (s *Store) HideTheory(ctx context.Context, id int64, hidden bool, reason string) error {
	key := fmt.Sprint(id)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE theories SET hidden = $1, hidden_reason = $2 WHERE id = $3", b2i(hidden), reason, id)
		return affected(res, err, "theory", key)
	})
	return s.wrap(err, "hide", "theory", key)
}

// affected turns an UPDATE that matched nothing into a not-found error.
func affected(res sql.Result, err error, entity, key string) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return notFoundErr(entity, key)
	}
	return nil
}
