package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
	"marquee/internal/member"
)

// ListEdit is a change to a list's own fields; nil leaves a field alone.
// The slug stays as it was, so links to the list keep working.
type ListEdit struct {
	Name        *string
	Description *string
	Ranked      *bool
	Public      *bool
}

// ListByID returns a list with its entries in order. The caller decides
// whether a private list may be shown.
func (s *Store) ListByID(ctx context.Context, id int64) (member.List, error) {
	l, err := scanList(s.read.QueryRowContext(ctx, "SELECT "+listCols+" WHERE l.id = $1", id))
	if err != nil {
		return l, notFound(err, "list", fmt.Sprint(id))
	}
	l.Entries, err = s.listEntries(ctx, l.ID)
	return l, err
}

// EditList changes the name, description and flags of member uid's list,
// checked as a new list's are; its entries stay. The list's activity
// follows its privacy.
func (s *Store) EditList(ctx context.Context, uid, id int64, e ListEdit) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_lists", "list", id, uid); err != nil {
			return err
		}
		l, err := scanList(tx.QueryRowContext(ctx, "SELECT "+listCols+" WHERE l.id = $1", id))
		if err != nil {
			return notFound(err, "list", fmt.Sprint(id))
		}
		if e.Name != nil {
			l.Name = strings.TrimSpace(*e.Name)
		}
		if e.Description != nil {
			l.Description = *e.Description
		}
		if e.Ranked != nil {
			l.Ranked = *e.Ranked
		}
		if e.Public != nil {
			l.Public = *e.Public
		}
		if err := l.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE member_lists SET name = $1, description = $2, ranked = $3, public = $4, updated_at = $5
			WHERE id = $6`, l.Name, l.Description, boolInt(l.Ranked), boolInt(l.Public), now(), id); err != nil {
			return s.wrap(err, "update", "list", l.Slug)
		}
		_, err = tx.ExecContext(ctx, "UPDATE member_activity SET private = $1 WHERE user_id = $2 AND kind = 'listed' AND ref = $3",
			boolInt(!l.Public), uid, id)
		return err
	})
}

// listOrder returns the films of a list in order, by id.
func listOrder(ctx context.Context, tx *sql.Tx, listID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT e.film_id FROM member_list_entries e JOIN films f ON f.id = e.film_id
		WHERE e.list_id = $1 ORDER BY e.position, f.title`, listID)
	if err != nil {
		return nil, fmt.Errorf("list order: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// renumber stores order as the list's positions, from 1, and marks the
// list changed.
func renumber(ctx context.Context, tx *sql.Tx, listID int64, order []int64) error {
	for i, fid := range order {
		if _, err := tx.ExecContext(ctx, "UPDATE member_list_entries SET position = $1 WHERE list_id = $2 AND film_id = $3 AND position <> $1",
			i+1, listID, fid); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "UPDATE member_lists SET updated_at = $1 WHERE id = $2", now(), listID)
	return err
}

// entryRef checks that member uid owns the list and that the film is on
// it, and returns the film's id and the list's order.
func entryRef(ctx context.Context, tx *sql.Tx, uid, listID int64, filmSlug string) (int64, []int64, int, error) {
	if err := owned(ctx, tx, "member_lists", "list", listID, uid); err != nil {
		return 0, nil, 0, err
	}
	fid, err := filmRef(ctx, tx, filmSlug)
	if err != nil {
		return 0, nil, 0, err
	}
	order, err := listOrder(ctx, tx, listID)
	if err != nil {
		return 0, nil, 0, err
	}
	for i, id := range order {
		if id == fid {
			return fid, order, i, nil
		}
	}
	return 0, nil, 0, &film.NotFoundError{Entity: "list entry", Key: fmt.Sprintf("%d/%s", listID, filmSlug)}
}

// MoveListEntry moves a film of member uid's list to position (from 1; a
// position past the end moves it last), renumbering the others.
func (s *Store) MoveListEntry(ctx context.Context, uid, listID int64, filmSlug string, position int) error {
	if position < 1 {
		return &film.ValidationError{Entity: "list entry", Field: "position", Reason: "must be 1 or more"}
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, order, at, err := entryRef(ctx, tx, uid, listID, filmSlug)
		if err != nil {
			return err
		}
		order = append(order[:at], order[at+1:]...)
		to := min(position-1, len(order))
		order = append(order[:to], append([]int64{fid}, order[to:]...)...)
		return renumber(ctx, tx, listID, order)
	})
}

// SetListEntryNote changes the note of a film on member uid's list.
func (s *Store) SetListEntryNote(ctx context.Context, uid, listID int64, filmSlug, note string) error {
	if n := utf8.RuneCountInString(note); n > member.MaxNote {
		return &film.ValidationError{Entity: "list entry", Field: "note", Reason: fmt.Sprintf("is %d characters; the limit is %d", n, member.MaxNote)}
	}
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, _, _, err := entryRef(ctx, tx, uid, listID, filmSlug)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE member_list_entries SET note = $1 WHERE list_id = $2 AND film_id = $3", note, listID, fid); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE member_lists SET updated_at = $1 WHERE id = $2", now(), listID)
		return err
	})
}

// RemoveFromList takes a film off member uid's list; the films after it
// move up one.
func (s *Store) RemoveFromList(ctx context.Context, uid, listID int64, filmSlug string) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, order, at, err := entryRef(ctx, tx, uid, listID, filmSlug)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM member_list_entries WHERE list_id = $1 AND film_id = $2", listID, fid); err != nil {
			return err
		}
		return renumber(ctx, tx, listID, append(order[:at], order[at+1:]...))
	})
}
