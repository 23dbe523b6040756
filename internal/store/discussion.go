package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/film"
)

const threadColumns = `th.id, f.slug, f.title, th.scope, COALESCE(th.theory_id, 0), th.title, ` + authorName + `,
	th.replies, th.created_at, th.last_post_at`

const threadFrom = ` FROM threads th JOIN films f ON f.id = th.film_id LEFT JOIN users u ON u.id = th.user_id`

func scanThread(sc interface{ Scan(...any) error }) (*film.Thread, error) {
	var (
		t        film.Thread
		scope    string
		at, last int64
	)
	if err := sc.Scan(&t.ID, &t.FilmSlug, &t.FilmTitle, &scope, &t.TheoryID, &t.Title, &t.Author, &t.Replies, &at, &last); err != nil {
		return nil, err
	}
	t.Scope, t.CreatedAt, t.LastPostAt = film.ThreadScope(scope), unixTime(at), unixTime(last)
	return &t, nil
}

// CreateThread opens a talk-page thread (scope film or dossier) on a film
// with its first comment, and returns the thread's id.
func (s *Store) CreateThread(ctx context.Context, filmSlug string, scope film.ThreadScope, title, body string, user int64) (int64, error) {
	title = strings.TrimSpace(title)
	switch {
	case scope != film.ScopeFilm && scope != film.ScopeDossier:
		return 0, &film.ValidationError{Entity: "thread", Field: "scope", Reason: "must be film or dossier"}
	case title == "":
		return 0, &film.ValidationError{Entity: "thread", Field: "title", Reason: "is required"}
	case len(title) > film.MaxThreadTitle:
		return 0, &film.ValidationError{Entity: "thread", Field: "title", Reason: fmt.Sprintf("is longer than %d bytes", film.MaxThreadTitle)}
	}
	if err := film.ValidateComment(body); err != nil {
		return 0, err
	}
	var id int64
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "thread", filmSlug)
		if err != nil {
			return err
		}
		at := now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO threads (film_id, scope, title, user_id, created_at, last_post_at)
			VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`, fid, string(scope), title, nullID(user), at).Scan(&id); err != nil {
			return err
		}
		var first int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO comments (thread_id, depth, user_id, body, created_at, updated_at)
			VALUES ($1, 0, $2, $3, $4, $4) RETURNING id`, id, nullID(user), body, at).Scan(&first); err != nil {
			return err
		}
		if user == 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO thread_follows (thread_id, user_id, after_comment) VALUES ($1, $2, $3)", id, user, first)
		return err
	})
	return id, s.wrap(err, "create", "thread", filmSlug)
}

// Thread returns one thread; viewer (0: anonymous) learns whether they
// follow it.
func (s *Store) Thread(ctx context.Context, id, viewer int64) (*film.Thread, error) {
	t, err := scanThread(s.read.QueryRowContext(ctx, `SELECT `+threadColumns+threadFrom+` WHERE th.id = $1`, id))
	if err != nil {
		key := fmt.Sprint(id)
		return nil, s.wrap(notFound(err, "thread", key), "get", "thread", key)
	}
	if viewer != 0 {
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM thread_follows WHERE thread_id = $1 AND user_id = $2", id, viewer).Scan(&n); err != nil {
			return nil, err
		}
		t.Following = n > 0
	}
	return t, nil
}

// FilmThreads returns a film's talk-page threads of one scope, most recently
// active first.
func (s *Store) FilmThreads(ctx context.Context, filmSlug string, scope film.ThreadScope, limit int) ([]film.Thread, error) {
	fid, err := filmID(ctx, s.read, "thread", filmSlug)
	if err != nil {
		return nil, s.wrap(err, "list", "threads", filmSlug)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+threadColumns+threadFrom+`
		WHERE th.film_id = $1 AND th.scope = $2 AND th.hidden = 0 ORDER BY th.last_post_at DESC, th.id DESC LIMIT $3`, fid, string(scope), limit)
	if err != nil {
		return nil, fmt.Errorf("threads of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Thread
	for rows.Next() {
		t, err := scanThread(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, rows.Err()
}

// AddComment posts a comment in a thread, as a reply to parent (0: to the
// thread itself), and returns its id. Replying to a hidden comment is a
// *film.ForbiddenError; a parent from another thread is a validation
// error. The member follows the thread from then on.
func (s *Store) AddComment(ctx context.Context, threadID, parent, user int64, body string) (int64, error) {
	if err := film.ValidateComment(body); err != nil {
		return 0, err
	}
	var id int64
	key := fmt.Sprint(threadID)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var hiddenThread bool
		if err := tx.QueryRowContext(ctx, "SELECT hidden FROM threads WHERE id = $1", threadID).Scan(&hiddenThread); err != nil {
			return notFound(err, "thread", key)
		}
		if hiddenThread {
			return &film.ForbiddenError{Action: "reply", Reason: "the thread is hidden"}
		}
		depth := 0
		if parent != 0 {
			var (
				pThread int64
				pDepth  int
				hidden  bool
			)
			err := tx.QueryRowContext(ctx, "SELECT thread_id, depth, hidden FROM comments WHERE id = $1", parent).Scan(&pThread, &pDepth, &hidden)
			if err != nil {
				return notFound(err, "comment", fmt.Sprint(parent))
			}
			switch {
			case pThread != threadID:
				return &film.ValidationError{Entity: "comment", Field: "parent", Reason: "is in another thread"}
			case hidden:
				return &film.ForbiddenError{Action: "reply", Reason: "the comment you reply to is hidden"}
			}
			depth = pDepth + 1
		}
		at := now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO comments (thread_id, parent_id, depth, user_id, body, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`, threadID, nullID(parent), depth, nullID(user), body, at).Scan(&id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE threads SET replies = replies + 1, last_post_at = $1 WHERE id = $2", at, threadID); err != nil {
			return err
		}
		if user == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO thread_follows (thread_id, user_id, after_comment) VALUES ($1, $2, $3)
			ON CONFLICT (thread_id, user_id) DO NOTHING`, threadID, user, id)
		return err
	})
	return id, s.wrap(err, "comment on", "thread", key)
}

// ThreadComments returns a thread's comments in reading order: each
// comment followed by its replies, oldest first at every level. Hidden
// comments are included (with Hidden set) so replies keep their place;
// callers show their text only to editors.
func (s *Store) ThreadComments(ctx context.Context, threadID int64) ([]film.Comment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.thread_id, COALESCE(c.parent_id, 0), c.depth, `+authorName+`,
			COALESCE(c.user_id, 0), c.body, c.hidden, c.hidden_reason, c.created_at
		FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.thread_id = $1 ORDER BY c.id`, threadID)
	if err != nil {
		return nil, fmt.Errorf("comments of thread %d: %w", threadID, err)
	}
	defer rows.Close()
	var all []film.Comment
	for rows.Next() {
		var (
			c  film.Comment
			at int64
		)
		if err := rows.Scan(&c.ID, &c.ThreadID, &c.ParentID, &c.Depth, &c.Author, &c.UserID, &c.Body, &c.Hidden, &c.HiddenReason, &at); err != nil {
			return nil, err
		}
		c.CreatedAt = unixTime(at)
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return threadOrder(all), nil
}

// threadOrder arranges comments sorted by id depth first.
func threadOrder(all []film.Comment) []film.Comment {
	children := map[int64][]int{}
	for i, c := range all {
		children[c.ParentID] = append(children[c.ParentID], i)
	}
	out := make([]film.Comment, 0, len(all))
	// An explicit stack: threads may be deep, recursion need not be.
	stack := append([]int(nil), reverse(children[0])...)
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out = append(out, all[i])
		stack = append(stack, reverse(children[all[i].ID])...)
	}
	return out
}

func reverse(l []int) []int {
	out := make([]int, len(l))
	for i, v := range l {
		out[len(l)-1-i] = v
	}
	return out
}

// HideComment hides (or shows again) a comment, keeping the reason.
func (s *Store) HideComment(ctx context.Context, id int64, hidden bool, reason string) error {
	key := fmt.Sprint(id)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE comments SET hidden = $1, hidden_reason = $2 WHERE id = $3", b2i(hidden), reason, id)
		return affected(res, err, "comment", key)
	})
	return s.wrap(err, "hide", "comment", key)
}

// Comment returns one comment.
func (s *Store) Comment(ctx context.Context, id int64) (*film.Comment, error) {
	var (
		c  film.Comment
		at int64
	)
	err := s.read.QueryRowContext(ctx, `SELECT c.id, c.thread_id, COALESCE(c.parent_id, 0), c.depth, `+authorName+`,
			COALESCE(c.user_id, 0), c.body, c.hidden, c.hidden_reason, c.created_at
		FROM comments c LEFT JOIN users u ON u.id = c.user_id WHERE c.id = $1`, id).Scan(&c.ID, &c.ThreadID, &c.ParentID, &c.Depth,
		&c.Author, &c.UserID, &c.Body, &c.Hidden, &c.HiddenReason, &at)
	if err != nil {
		key := fmt.Sprint(id)
		return nil, s.wrap(notFound(err, "comment", key), "get", "comment", key)
	}
	c.CreatedAt = unixTime(at)
	return &c, nil
}

// FollowThread starts (on) or stops following a thread.
func (s *Store) FollowThread(ctx context.Context, threadID, user int64, on bool) error {
	key := fmt.Sprint(threadID)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM threads WHERE id = $1", threadID).Scan(&one); err != nil {
			return notFound(err, "thread", key)
		}
		var err error
		if on {
			_, err = tx.ExecContext(ctx, `INSERT INTO thread_follows (thread_id, user_id, after_comment)
				SELECT $1, $2, COALESCE(MAX(id), 0) FROM comments WHERE thread_id = $1
				ON CONFLICT (thread_id, user_id) DO NOTHING`, threadID, user)
		} else {
			_, err = tx.ExecContext(ctx, "DELETE FROM thread_follows WHERE thread_id = $1 AND user_id = $2", threadID, user)
		}
		return err
	})
	return s.wrap(err, "follow", "thread", key)
}

// FollowedReplies returns the newest comments by others in the threads a
// member follows, posted after they began following: their activity.
func (s *Store) FollowedReplies(ctx context.Context, user int64, limit int) ([]film.Change, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, `+authorName+`, th.title, th.id, c.id, COALESCE(th.theory_id, 0), c.created_at
		FROM thread_follows tf JOIN threads th ON th.id = tf.thread_id JOIN films f ON f.id = th.film_id
		JOIN comments c ON c.thread_id = th.id AND c.id > tf.after_comment LEFT JOIN users u ON u.id = c.user_id
		WHERE tf.user_id = $1 AND c.hidden = 0 AND COALESCE(c.user_id, 0) <> $1
		ORDER BY c.id DESC LIMIT $2`, user, limit)
	if err != nil {
		return nil, fmt.Errorf("followed threads of user %d: %w", user, err)
	}
	defer rows.Close()
	var out []film.Change
	for rows.Next() {
		var (
			c  = film.Change{Kind: "comment"}
			at int64
		)
		if err := rows.Scan(&c.FilmSlug, &c.FilmTitle, &c.Author, &c.Summary, &c.ThreadID, &c.CommentID, &c.TheoryID, &at); err != nil {
			return nil, err
		}
		c.At = unixTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}
