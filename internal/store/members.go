package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/member"
)

// ErrForbidden is returned (wrapped) when a member acts on another
// member's review, list or diary entry.
var ErrForbidden = errors.New("belongs to another member")

// ForbiddenError names what the caller may not touch; it matches
// ErrForbidden with errors.Is.
type ForbiddenError struct {
	Entity string
	ID     int64
}

func (e *ForbiddenError) Error() string {
	return fmt.Sprintf("%s %d belongs to another member", e.Entity, e.ID)
}

// Is makes errors.Is(err, ErrForbidden) true.
func (e *ForbiddenError) Is(target error) bool { return target == ErrForbidden }

// MemberID returns the id of the member with this username.
func (s *Store) MemberID(ctx context.Context, username string) (int64, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, "SELECT id FROM users WHERE username = $1", username).Scan(&id)
	return id, notFound(err, "member", username)
}

// MemberName returns the username of a member.
func (s *Store) MemberName(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.read.QueryRowContext(ctx, "SELECT username FROM users WHERE id = $1", id).Scan(&name)
	return name, notFound(err, "member", fmt.Sprint(id))
}

// owned checks that row id of table belongs to uid: nil when it does, a
// *ForbiddenError when another member owns it, not found when it is gone.
func owned(ctx context.Context, q querier, table, entity string, id, uid int64) error {
	var owner int64
	err := q.QueryRowContext(ctx, "SELECT user_id FROM "+table+" WHERE id = $1", id).Scan(&owner)
	if err != nil {
		return notFound(err, entity, fmt.Sprint(id))
	}
	if owner != uid {
		return &ForbiddenError{Entity: entity, ID: id}
	}
	return nil
}

// addActivity records what a member did, in the same transaction.
func addActivity(ctx context.Context, tx *sql.Tx, uid int64, kind string, fid, ref int64, r member.Rating, private bool) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO member_activity (user_id, kind, film_id, ref, rating, private, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, uid, kind, nullInt(fid), ref, int(r), boolInt(private), now())
	return err
}

// filmRef resolves a film for a member write: a slug the member named that
// does not exist is a missing reference (404 to the web), not a conflict.
func filmRef(ctx context.Context, q querier, slug string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM films WHERE slug = $1", slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, &film.NotFoundError{Entity: "film", Key: slug}
	}
	return id, err
}

// CacheStamp returns the catalog's stamp and, when filmSlug is not "", that
// film's member stamp: a page rendered under both is current while both
// are unchanged. Both live in the database, so every serve process sees the
// same values.
func (s *Store) CacheStamp(ctx context.Context, filmSlug string) (catalog, film int64, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT COALESCE((SELECT gen FROM cache_generations WHERE scope = 'catalog'), 0),
		COALESCE((SELECT m.gen FROM films f JOIN film_member_stats m ON m.film_id = f.id WHERE f.slug = $1), 0)`, filmSlug).Scan(&catalog, &film)
	if err != nil {
		return 0, 0, fmt.Errorf("cache stamp: %w", err)
	}
	return catalog, film, nil
}

// contentTables are the member content kinds whose owner ContentOwner reads.
var contentTables = map[string]string{
	"review":  "member_reviews",
	"diary":   "member_diary",
	"list":    "member_lists",
	"pending": "member_import_pending",
}

// ContentOwner returns the member who owns a review, diary entry, list or
// pending import row (kind "review", "diary", "list", "pending"), for the
// routes' authorization rules.
func (s *Store) ContentOwner(ctx context.Context, kind string, id int64) (int64, error) {
	table, ok := contentTables[kind]
	if !ok {
		return 0, fmt.Errorf("content owner: unknown kind %q", kind)
	}
	var uid int64
	err := s.read.QueryRowContext(ctx, "SELECT user_id FROM "+table+" WHERE id = $1", id).Scan(&uid)
	return uid, notFound(err, kind, fmt.Sprint(id))
}
