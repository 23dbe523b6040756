package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"marquee/internal/film"
)

// ChangeFilter chooses entries of the recent-changes list.
type ChangeFilter struct {
	Film  string // a film's slug; "" for every film
	Kind  string // "edit", "theory" or "comment"; "" for all
	Limit int
}

// RecentChanges returns the newest edits, theories and comments across the
// site (or of one film), newest first. Hidden theories and comments are
// left out.
func (s *Store) RecentChanges(ctx context.Context, f ChangeFilter) ([]film.Change, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	var parts []string
	args := []any{f.Film, f.Limit}
	filmCond := "($1 = '' OR f.slug = $1)"
	if f.Kind == "" || f.Kind == "edit" {
		parts = append(parts, `SELECT 'edit' AS kind, f.slug, f.title, `+revisionAuthor+`, r.note, r.revision, r.parent, r.size,
				COALESCE((SELECT p.size FROM dossier_revisions p WHERE p.film_id = r.film_id AND p.revision = r.revision - 1), -1),
				0, 0, 0, r.created_at AS at
			FROM dossier_revisions r JOIN films f ON f.id = r.film_id LEFT JOIN users u ON u.id = r.user_id WHERE `+filmCond)
	}
	if f.Kind == "" || f.Kind == "theory" {
		parts = append(parts, `SELECT 'theory' AS kind, f.slug, f.title, `+authorName+`, t.title, 0, 0, -1, -1, t.id, COALESCE(th.id, 0), 0, t.created_at AS at
			FROM theories t JOIN films f ON f.id = t.film_id LEFT JOIN users u ON u.id = t.user_id
			LEFT JOIN threads th ON th.theory_id = t.id WHERE t.hidden = 0 AND `+filmCond)
	}
	if f.Kind == "" || f.Kind == "comment" {
		parts = append(parts, `SELECT 'comment' AS kind, f.slug, f.title, `+authorName+`, th.title, 0, 0, -1, -1,
				COALESCE(th.theory_id, 0), th.id, c.id, c.created_at AS at
			FROM comments c JOIN threads th ON th.id = c.thread_id JOIN films f ON f.id = th.film_id
			LEFT JOIN users u ON u.id = c.user_id WHERE c.hidden = 0 AND th.hidden = 0 AND `+filmCond)
	}
	if len(parts) == 0 {
		return nil, &film.ValidationError{Entity: "changes", Field: "kind", Reason: "must be edit, theory or comment"}
	}
	q := strings.Join(parts, " UNION ALL ") + " ORDER BY at DESC LIMIT $2"
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("recent changes: %w", err)
	}
	defer rows.Close()
	var out []film.Change
	for rows.Next() {
		var (
			c          film.Change
			size, prev int
			at         int64
		)
		if err := rows.Scan(&c.Kind, &c.FilmSlug, &c.FilmTitle, &c.Author, &c.Summary, &c.Revision, &c.Parent, &size, &prev,
			&c.TheoryID, &c.ThreadID, &c.CommentID, &at); err != nil {
			return nil, err
		}
		if c.Kind == "edit" && size >= 0 {
			if prev < 0 {
				prev = 0
			}
			c.SizeDelta = size - prev
		}
		c.At = unixTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Report is a member's report of content for the moderators.
type Report struct {
	ID         int64     `json:"id"`
	TargetKind string    `json:"target_kind"` // "theory", "comment", "review"
	TargetID   int64     `json:"target_id"`
	Reporter   string    `json:"reporter,omitempty"`
	Reason     string    `json:"reason"`
	CreatedAt  time.Time `json:"created_at"`
}

// AddReport files a report. A member reporting the same thing twice while
// the first report is open is a *film.ConflictError.
func (s *Store) AddReport(ctx context.Context, kind string, target, user int64, reason string) (int64, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case kind != "theory" && kind != "comment" && kind != "review":
		return 0, &film.ValidationError{Entity: "report", Field: "kind", Reason: "must be theory, comment or review"}
	case reason == "":
		return 0, &film.ValidationError{Entity: "report", Field: "reason", Reason: "is required"}
	case len(reason) > film.MaxReportText:
		return 0, &film.ValidationError{Entity: "report", Field: "reason", Reason: fmt.Sprintf("is longer than %d bytes", film.MaxReportText)}
	}
	var id int64
	key := fmt.Sprintf("%s %d", kind, target)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM reports WHERE target_kind = $1 AND target_id = $2 AND user_id = $3
			AND resolved_at = 0`, kind, target, user).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &film.ConflictError{Entity: "report", Key: key}
		}
		return tx.QueryRowContext(ctx, `INSERT INTO reports (target_kind, target_id, user_id, reason, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, kind, target, nullID(user), reason, now()).Scan(&id)
	})
	return id, s.wrap(err, "file", "report", key)
}

// OpenReports lists unresolved reports, oldest first: the moderation queue.
func (s *Store) OpenReports(ctx context.Context, limit int) ([]Report, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.target_kind, r.target_id, `+authorName+`, r.reason, r.created_at
		FROM reports r LEFT JOIN users u ON u.id = r.user_id WHERE r.resolved_at = 0 ORDER BY r.created_at, r.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("open reports: %w", err)
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var (
			r  Report
			at int64
		)
		if err := rows.Scan(&r.ID, &r.TargetKind, &r.TargetID, &r.Reporter, &r.Reason, &at); err != nil {
			return nil, err
		}
		r.CreatedAt = unixTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ResolveReport closes a report with what was done about it.
func (s *Store) ResolveReport(ctx context.Context, id, by int64, resolution string) error {
	key := fmt.Sprint(id)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE reports SET resolved_at = $1, resolved_by = $2, resolution = $3 WHERE id = $4 AND resolved_at = 0",
			now(), nullID(by), resolution, id)
		return affected(res, err, "report", key)
	})
	return s.wrap(err, "resolve", "report", key)
}
