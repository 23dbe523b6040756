package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"marquee/internal/film"
)

// RevisionInput says who made a dossier revision and how.
type RevisionInput struct {
	Author  string            // display name or the importer's label
	UserID  int64             // the member who saved it; 0 for imports
	Summary string            // the edit summary
	Text    string            // the text form the revision was saved from ("" if unknown)
	Kind    film.RevisionKind // "" means import
	Parent  int               // the revision the edit started from
}

// revisionAuthor names a revision's author (joined as u): the member as
// they are called now, or the importer's label for imports.
const revisionAuthor = `CASE WHEN r.user_id IS NULL THEN r.author ELSE ` + authorName + ` END`

// EditDossier stores an edit of a film's dossier as a new revision, but
// only if the dossier is still at revision base: when another revision
// landed in between, it returns a *film.EditConflictError naming the
// current revision and stores nothing. base 0 means the film has no dossier
// yet. It returns the new revision number.
func (s *Store) EditDossier(ctx context.Context, filmSlug string, base int, d *film.Dossier, in RevisionInput) (int, error) {
	if err := d.Validate(); err != nil {
		return 0, err
	}
	if in.Kind == "" {
		in.Kind = film.RevisionEdit
	}
	in.Parent = base
	var rev int
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "dossier", filmSlug)
		if err != nil {
			return err
		}
		var cur int
		err = tx.QueryRowContext(ctx, "SELECT revision FROM dossiers WHERE film_id = $1", fid).Scan(&cur)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if cur != base {
			return &film.EditConflictError{Film: filmSlug, Base: base, Current: cur}
		}
		rev, err = s.putDossier(ctx, tx, filmSlug, d, in)
		return err
	})
	if err != nil {
		return 0, s.wrap(err, "edit", "dossier", filmSlug)
	}
	return rev, nil
}

// DossierHistory returns a film's dossier revisions, newest first: at most
// limit of them, older than revision before (0: from the newest). Each
// carries its size change against the revision before it.
func (s *Store) DossierHistory(ctx context.Context, filmSlug string, before, limit int) ([]film.Revision, error) {
	if before <= 0 {
		before = 1 << 30
	}
	rows, err := s.read.QueryContext(ctx, `SELECT r.revision, r.parent, r.kind, `+revisionAuthor+`, COALESCE(r.user_id, 0), r.note,
			r.size, r.created_at, COALESCE(LAG(r.size) OVER (ORDER BY r.revision), 0)
		FROM dossier_revisions r JOIN films f ON f.id = r.film_id LEFT JOIN users u ON u.id = r.user_id
		WHERE f.slug = $1 AND r.revision < $2
		ORDER BY r.revision DESC LIMIT $3`, filmSlug, before, limit)
	if err != nil {
		return nil, fmt.Errorf("history of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	var out []film.Revision
	for rows.Next() {
		var (
			r          film.Revision
			kind       string
			at         int64
			prev, size int
		)
		if err := rows.Scan(&r.Revision, &r.Parent, &kind, &r.Author, &r.UserID, &r.Summary, &size, &at, &prev); err != nil {
			return nil, err
		}
		r.Kind, r.Size, r.CreatedAt = film.RevisionKind(kind), size, unixTime(at)
		if size >= 0 && prev >= 0 {
			r.SizeChange = size - prev
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		if _, err := filmID(ctx, s.read, "dossier", filmSlug); err != nil {
			var missing *film.MissingRefError
			if errors.As(err, &missing) {
				err = notFoundErr("film", filmSlug)
			}
			return nil, s.wrap(err, "history", "dossier", filmSlug)
		}
	}
	return out, nil
}

// StoredRevision is one revision with its body and text.
type StoredRevision struct {
	film.Revision
	Dossier *film.Dossier
	Text    string // the text it was saved from; "" when unknown (render the dossier)
}

// DossierRevisionAt returns revision rev of a film's dossier (0: the
// current one).
func (s *Store) DossierRevisionAt(ctx context.Context, filmSlug string, rev int) (*StoredRevision, error) {
	q := `SELECT r.revision, r.parent, r.kind, ` + revisionAuthor + `, COALESCE(r.user_id, 0), r.note, r.size, r.created_at, r.body, r.text
		FROM dossier_revisions r JOIN films f ON f.id = r.film_id LEFT JOIN users u ON u.id = r.user_id
		WHERE f.slug = $1 AND r.revision = $2`
	args := []any{filmSlug, rev}
	if rev == 0 {
		q = `SELECT r.revision, r.parent, r.kind, ` + revisionAuthor + `, COALESCE(r.user_id, 0), r.note, r.size, r.created_at, r.body, r.text
			FROM dossier_revisions r JOIN films f ON f.id = r.film_id JOIN dossiers d ON d.film_id = f.id AND d.revision = r.revision
			LEFT JOIN users u ON u.id = r.user_id WHERE f.slug = $1`
		args = args[:1]
	}
	var (
		out        StoredRevision
		kind, body string
		at         int64
	)
	err := s.read.QueryRowContext(ctx, q, args...).Scan(&out.Revision.Revision, &out.Parent, &kind, &out.Author, &out.UserID,
		&out.Summary, &out.Size, &at, &body, &out.Text)
	if err != nil {
		key := fmt.Sprintf("%s@%d", filmSlug, rev)
		return nil, s.wrap(notFound(err, "revision", key), "get", "revision", key)
	}
	out.Kind, out.CreatedAt = film.RevisionKind(kind), unixTime(at)
	var d film.Dossier
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		return nil, fmt.Errorf("decode revision %d of %q: %w", out.Revision.Revision, filmSlug, err)
	}
	out.Dossier = &d
	return &out, nil
}

// DossierProtection returns the protection of a film's dossier, or nil
// when it has none (or it expired).
func (s *Store) DossierProtection(ctx context.Context, filmSlug string) (*film.Protection, error) {
	var (
		p           film.Protection
		exp, create int64
	)
	err := s.read.QueryRowContext(ctx, `SELECT p.level, p.expires_at, p.reason, p.created_at FROM dossier_protection p
		JOIN films f ON f.id = p.film_id WHERE f.slug = $1`, filmSlug).Scan(&p.Level, &exp, &p.Reason, &create)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("protection of %q: %w", filmSlug, err)
	}
	p.Expires, p.CreatedAt = unixTime(exp), unixTime(create)
	if !p.Active(time.Now()) {
		return nil, nil
	}
	return &p, nil
}

// ProtectDossier sets (level "editor" or "admin") or lifts (level "") the
// protection of a film's dossier; a zero expires never ends.
func (s *Store) ProtectDossier(ctx context.Context, filmSlug, level string, expires time.Time, reason string, by int64) error {
	if level != "" && level != "editor" && level != "admin" {
		return &film.ValidationError{Entity: "protection", Field: "level", Reason: "must be editor or admin"}
	}
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		fid, err := filmID(ctx, tx, "protection", filmSlug)
		if err != nil {
			return err
		}
		if level == "" {
			_, err = tx.ExecContext(ctx, "DELETE FROM dossier_protection WHERE film_id = $1", fid)
			return err
		}
		var exp int64
		if !expires.IsZero() {
			exp = expires.Unix()
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO dossier_protection (film_id, level, expires_at, reason, set_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (film_id) DO UPDATE SET level = excluded.level, expires_at = excluded.expires_at,
				reason = excluded.reason, set_by = excluded.set_by, created_at = excluded.created_at`,
			fid, level, exp, reason, nullID(by), now())
		return err
	})
	return s.wrap(err, "protect", "dossier", filmSlug)
}

// nullID is a foreign key that may be absent.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// b2i stores a flag as the 0 or 1 both engines' integer columns take.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
