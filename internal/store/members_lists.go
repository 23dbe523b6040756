package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/member"
)

// SetWatchlist adds a film to member uid's watchlist or removes it.
func (s *Store) SetWatchlist(ctx context.Context, uid int64, filmSlug string, on bool) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		fid, err := filmRef(ctx, tx, filmSlug)
		if err != nil {
			return err
		}
		return setWatchlist(ctx, tx, uid, fid, on, now())
	})
}

func setWatchlist(ctx context.Context, tx *sql.Tx, uid, fid int64, on bool, at int64) error {
	if !on {
		_, err := tx.ExecContext(ctx, "DELETE FROM member_watchlist WHERE user_id = $1 AND film_id = $2", uid, fid)
		return err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO member_watchlist (user_id, film_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", uid, fid, at)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return addActivity(ctx, tx, uid, "watchlisted", fid, 0, 0, false)
	}
	return nil
}

// Watchlist returns member uid's watchlist, latest addition first.
func (s *Store) Watchlist(ctx context.Context, uid int64) ([]member.ListEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''), w.added_at
		FROM member_watchlist w JOIN films f ON f.id = w.film_id WHERE w.user_id = $1 ORDER BY w.added_at DESC, f.title`, uid)
	if err != nil {
		return nil, fmt.Errorf("watchlist: %w", err)
	}
	defer rows.Close()
	var out []member.ListEntry
	for rows.Next() {
		var e member.ListEntry
		var added int64
		if err := rows.Scan(&e.FilmSlug, &e.FilmTitle, &e.FilmYear, &e.IMDbID, &added); err != nil {
			return nil, err
		}
		e.Position = len(out) + 1
		e.Note = unixTime(added).UTC().Format("2006-01-02")
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveList creates a list (l.ID == 0) or replaces an existing list of
// member uid, entries included, in one transaction, and returns its id.
// Entries are stored in the order given; positions are renumbered from 1.
func (s *Store) SaveList(ctx context.Context, uid int64, l member.List) (int64, error) {
	if err := l.Validate(); err != nil {
		return 0, err
	}
	if l.Slug == "" {
		l.Slug = film.Slugify(l.Name)
	}
	id := l.ID
	err := s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		t := now()
		if id == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO member_lists (user_id, slug, name, description, ranked, public, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
				uid, l.Slug, l.Name, l.Description, boolInt(l.Ranked), boolInt(l.Public), t).Scan(&id)
			if err != nil {
				return s.wrap(err, "create", "list", l.Slug)
			}
			if err := addActivity(ctx, tx, uid, "listed", 0, id, 0, !l.Public); err != nil {
				return err
			}
		} else {
			if err := owned(ctx, tx, "member_lists", "list", id, uid); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE member_lists SET slug = $1, name = $2, description = $3, ranked = $4, public = $5, updated_at = $6
				WHERE id = $7`, l.Slug, l.Name, l.Description, boolInt(l.Ranked), boolInt(l.Public), t, id)
			if err != nil {
				return s.wrap(err, "update", "list", l.Slug)
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM member_list_entries WHERE list_id = $1", id); err != nil {
				return err
			}
		}
		for i, e := range l.Entries {
			fid, err := filmRef(ctx, tx, e.FilmSlug)
			if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO member_list_entries (list_id, film_id, position, note) VALUES ($1, $2, $3, $4)
				ON CONFLICT (list_id, film_id) DO NOTHING`, id, fid, i+1, e.Note)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// AddToList appends a film to the end of member uid's list.
func (s *Store) AddToList(ctx context.Context, uid, listID int64, filmSlug, note string) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_lists", "list", listID, uid); err != nil {
			return err
		}
		fid, err := filmRef(ctx, tx, filmSlug)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO member_list_entries (list_id, film_id, position, note)
			VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM member_list_entries WHERE list_id = $1), $3)
			ON CONFLICT (list_id, film_id) DO UPDATE SET note = excluded.note`, listID, fid, note)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE member_lists SET updated_at = $1 WHERE id = $2", now(), listID)
		return err
	})
}

// DeleteList deletes member uid's list.
func (s *Store) DeleteList(ctx context.Context, uid, id int64) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_lists", "list", id, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM member_activity WHERE kind = 'listed' AND ref = $1", id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM member_lists WHERE id = $1", id)
		return err
	})
}

const listCols = `l.id, u.username, l.slug, l.name, l.description, l.ranked, l.public, l.created_at, l.updated_at
	FROM member_lists l JOIN users u ON u.id = l.user_id`

func scanList(sc interface{ Scan(...any) error }) (member.List, error) {
	var (
		l                member.List
		ranked, public   int
		created, updated int64
	)
	err := sc.Scan(&l.ID, &l.Owner, &l.Slug, &l.Name, &l.Description, &ranked, &public, &created, &updated)
	l.Ranked, l.Public, l.CreatedAt, l.UpdatedAt = ranked == 1, public == 1, unixTime(created), unixTime(updated)
	return l, err
}

// GetList returns a member's list with its entries in order. The caller
// decides whether a private list may be shown.
func (s *Store) GetList(ctx context.Context, owner, slug string) (member.List, error) {
	l, err := scanList(s.read.QueryRowContext(ctx, "SELECT "+listCols+" WHERE u.username = $1 AND l.slug = $2", owner, slug))
	if err != nil {
		return l, notFound(err, "list", owner+"/"+slug)
	}
	l.Entries, err = s.listEntries(ctx, l.ID)
	return l, err
}

func (s *Store) listEntries(ctx context.Context, id int64) ([]member.ListEntry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT e.position, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''), e.note
		FROM member_list_entries e JOIN films f ON f.id = e.film_id WHERE e.list_id = $1 ORDER BY e.position, f.title`, id)
	if err != nil {
		return nil, fmt.Errorf("list entries: %w", err)
	}
	defer rows.Close()
	var out []member.ListEntry
	for rows.Next() {
		var e member.ListEntry
		if err := rows.Scan(&e.Position, &e.FilmSlug, &e.FilmTitle, &e.FilmYear, &e.IMDbID, &e.Note); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// MemberLists returns a member's lists (private ones only when asked),
// with their entries, latest change first.
func (s *Store) MemberLists(ctx context.Context, uid int64, withPrivate bool) ([]member.List, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+listCols+" WHERE l.user_id = $1 AND (l.public = 1 OR $2 = 1) ORDER BY l.updated_at DESC, l.id DESC",
		uid, boolInt(withPrivate))
	if err != nil {
		return nil, fmt.Errorf("member lists: %w", err)
	}
	var out []member.List
	for rows.Next() {
		l, err := scanList(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Entries, err = s.listEntries(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SetListFlags makes member uid's list public or private and ranked or
// not, leaving its entries alone; the list's activity follows its privacy.
func (s *Store) SetListFlags(ctx context.Context, uid, id int64, public, ranked bool) error {
	return s.memberTransact(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := owned(ctx, tx, "member_lists", "list", id, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE member_lists SET public = $1, ranked = $2, updated_at = $3 WHERE id = $4",
			boolInt(public), boolInt(ranked), now(), id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE member_activity SET private = $1 WHERE user_id = $2 AND kind = 'listed' AND ref = $3",
			boolInt(!public), uid, id)
		return err
	})
}
