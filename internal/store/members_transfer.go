package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/member"
)

// MemberExport gathers everything member uid keeps, private lists and a
// private diary included (the export is the member's own), for the
// Letterboxd and IMDb writers.
func (s *Store) MemberExport(ctx context.Context, uid int64) (member.Data, error) {
	var d member.Data
	var err error
	if d.Username, err = s.MemberName(ctx, uid); err != nil {
		return d, err
	}
	if d.Films, err = s.MemberFilms(ctx, uid); err != nil {
		return d, err
	}
	if d.Diary, err = s.Diary(ctx, uid); err != nil {
		return d, err
	}
	if d.Reviews, err = s.MemberReviews(ctx, uid); err != nil {
		return d, err
	}
	if d.Watchlist, err = s.Watchlist(ctx, uid); err != nil {
		return d, err
	}
	d.Lists, err = s.MemberLists(ctx, uid, true)
	return d, err
}

// ApplyImport writes imported data into member uid's account in one
// transaction — all of it or, on any error, nothing — and files the rows
// whose film is uncertain for the member to resolve. Rows already present
// (a re-import of the same export) are counted as unchanged, never doubled.
// Imports add no activity: history is not news to followers.
func (s *Store) ApplyImport(ctx context.Context, uid int64, d member.Data, pending []member.Pending) (member.ImportCounts, error) {
	var n member.ImportCounts
	err := s.memberTransactAlone(ctx, func(ctx context.Context, tx *sql.Tx) error {
		n = member.ImportCounts{}
		if err := applyImport(ctx, tx, uid, d, &n); err != nil {
			return err
		}
		for _, p := range pending {
			if err := addPending(ctx, tx, uid, p); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func applyImport(ctx context.Context, tx *sql.Tx, uid int64, d member.Data, n *member.ImportCounts) error {
	for _, e := range d.Diary {
		if err := e.Validate(); err != nil {
			return err
		}
		fid, err := filmRef(ctx, tx, e.FilmSlug)
		if err != nil {
			return err
		}
		tags := strings.Join(e.Tags, ",")
		var dup int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM member_diary WHERE user_id = $1 AND film_id = $2 AND watched_on = $3
			AND rating = $4 AND rewatch = $5 AND tags = $6`, uid, fid, e.WatchedOn, int(e.Rating), boolInt(e.Rewatch), tags).Scan(&dup); err != nil {
			return err
		}
		if dup > 0 {
			n.Unchanged++
			continue
		}
		created := e.CreatedAt
		if created.IsZero() {
			created = time.Now()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_diary (user_id, film_id, watched_on, rating, rewatch, liked, tags, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, uid, fid, e.WatchedOn, int(e.Rating), boolInt(e.Rewatch), boolInt(e.Liked), tags, created.Unix()); err != nil {
			return err
		}
		if _, err := setFilmLog(ctx, tx, uid, fid, FilmLogChange{WatchedOn: &e.WatchedOn}, false); err != nil {
			return err
		}
		n.Diary++
	}
	for _, r := range d.Reviews {
		if err := r.Validate(); err != nil {
			return err
		}
		fid, err := filmRef(ctx, tx, r.FilmSlug)
		if err != nil {
			return err
		}
		var dup int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM member_reviews WHERE user_id = $1 AND film_id = $2 AND body = $3",
			uid, fid, r.Body).Scan(&dup); err != nil {
			return err
		}
		if dup > 0 {
			n.Unchanged++
			continue
		}
		created := now()
		if !r.CreatedAt.IsZero() {
			created = r.CreatedAt.Unix()
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_reviews (user_id, film_id, body, spoiler, rating, watched_on, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, uid, fid, r.Body, boolInt(r.Spoiler), int(r.Rating), r.WatchedOn, created); err != nil {
			return err
		}
		n.Reviews++
	}
	for _, f := range d.Films {
		fid, err := filmRef(ctx, tx, f.FilmSlug)
		if err != nil {
			return err
		}
		c := FilmLogChange{WatchedOn: &f.WatchedOn, At: f.UpdatedAt}
		if f.Rating != 0 {
			if !f.Rating.Valid() {
				return fmt.Errorf("rating of %s: %d half stars is out of range", f.FilmSlug, f.Rating)
			}
			c.Rating = &f.Rating
		}
		if f.Liked {
			c.Liked = &f.Liked
		}
		changed, err := setFilmLog(ctx, tx, uid, fid, c, false)
		if err != nil {
			return err
		}
		if !changed {
			n.Unchanged++
			continue
		}
		n.Films++
		if f.Rating != 0 {
			n.Ratings++
		}
		if f.Liked {
			n.Likes++
		}
	}
	for _, w := range d.Watchlist {
		fid, err := filmRef(ctx, tx, w.FilmSlug)
		if err != nil {
			return err
		}
		at := now()
		if t, err := time.Parse(time.DateOnly, w.Note); err == nil {
			at = t.Unix()
		}
		res, err := tx.ExecContext(ctx, "INSERT INTO member_watchlist (user_id, film_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", uid, fid, at)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 1 {
			n.Watchlist++
		} else {
			n.Unchanged++
		}
	}
	for _, l := range d.Lists {
		if err := importList(ctx, tx, uid, l); err != nil {
			return err
		}
		n.Lists++
	}
	return nil
}

// importList creates the list or, when one with its slug exists, replaces
// its description and entries.
func importList(ctx context.Context, tx *sql.Tx, uid int64, l member.List) error {
	if err := l.Validate(); err != nil {
		return err
	}
	if l.Slug == "" {
		l.Slug = film.Slugify(l.Name)
	}
	t := now()
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM member_lists WHERE user_id = $1 AND slug = $2", uid, l.Slug).Scan(&id)
	switch {
	case err == sql.ErrNoRows:
		created := t
		if !l.CreatedAt.IsZero() {
			created = l.CreatedAt.Unix()
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO member_lists (user_id, slug, name, description, ranked, public, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, uid, l.Slug, l.Name, l.Description, boolInt(l.Ranked), boolInt(l.Public), created, t).Scan(&id); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		if _, err := tx.ExecContext(ctx, "UPDATE member_lists SET name = $1, description = $2, updated_at = $3 WHERE id = $4",
			l.Name, l.Description, t, id); err != nil {
			return err
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
		pos := e.Position // kept, so a row resolved later drops back into its place
		if pos <= 0 {
			pos = i + 1
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_list_entries (list_id, film_id, position, note) VALUES ($1, $2, $3, $4)
			ON CONFLICT (list_id, film_id) DO NOTHING`, id, fid, pos, e.Note); err != nil {
			return err
		}
	}
	return nil
}

func addPending(ctx context.Context, tx *sql.Tx, uid int64, p member.Pending) error {
	row, err := json.Marshal(p.Row)
	if err != nil {
		return err
	}
	var suggested sql.NullInt64
	if p.Suggested != "" {
		id, err := filmRef(ctx, tx, p.Suggested)
		if err != nil {
			return err
		}
		suggested = sql.NullInt64{Int64: id, Valid: true}
	}
	// A re-import replaces the same row's earlier entry instead of doubling it.
	if _, err := tx.ExecContext(ctx, "DELETE FROM member_import_pending WHERE user_id = $1 AND file = $2 AND title = $3 AND year = $4 AND row_json = $5",
		uid, p.File, p.Title, p.Year, string(row)); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO member_import_pending (user_id, file, line, title, year, kind, suggested_id, row_json, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, uid, p.File, p.Line, p.Title, p.Year, p.Kind, suggested, string(row), now())
	return err
}

// PendingImports lists member uid's imported rows awaiting a film.
func (s *Store) PendingImports(ctx context.Context, uid int64) ([]member.Pending, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT p.id, p.file, p.line, p.title, p.year, p.kind, COALESCE(f.slug, ''), COALESCE(f.title, ''), p.row_json
		FROM member_import_pending p LEFT JOIN films f ON f.id = p.suggested_id WHERE p.user_id = $1 ORDER BY p.id`, uid)
	if err != nil {
		return nil, fmt.Errorf("pending imports: %w", err)
	}
	defer rows.Close()
	var out []member.Pending
	for rows.Next() {
		var p member.Pending
		var row string
		if err := rows.Scan(&p.ID, &p.File, &p.Line, &p.Title, &p.Year, &p.Kind, &p.Suggested, &p.SuggestedTitle, &row); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(row), &p.Row); err != nil {
			return nil, fmt.Errorf("pending import %d: %w", p.ID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ResolvePending applies a pending row to the film the member chose (a
// slug; "" dismisses the row) and removes it from the pending list.
func (s *Store) ResolvePending(ctx context.Context, uid, id int64, filmSlug string) (member.ImportCounts, error) {
	var n member.ImportCounts
	err := s.memberTransactAlone(ctx, func(ctx context.Context, tx *sql.Tx) error {
		n = member.ImportCounts{}
		if err := owned(ctx, tx, "member_import_pending", "pending import", id, uid); err != nil {
			return err
		}
		var row string
		if err := tx.QueryRowContext(ctx, "SELECT row_json FROM member_import_pending WHERE id = $1", id).Scan(&row); err != nil {
			return err
		}
		if filmSlug != "" {
			var d member.Data
			if err := json.Unmarshal([]byte(row), &d); err != nil {
				return err
			}
			d = pointAt(d, filmSlug)
			lists := d.Lists
			d.Lists = nil
			if err := applyImport(ctx, tx, uid, d, &n); err != nil {
				return err
			}
			for _, l := range lists {
				if err := insertListEntries(ctx, tx, uid, l); err != nil {
					return err
				}
				n.Lists++
			}
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM member_import_pending WHERE id = $1", id)
		return err
	})
	return n, err
}

// pointAt aims every row of d at one film.
func pointAt(d member.Data, slug string) member.Data {
	for i := range d.Films {
		d.Films[i].FilmSlug = slug
	}
	for i := range d.Diary {
		d.Diary[i].FilmSlug = slug
	}
	for i := range d.Reviews {
		d.Reviews[i].FilmSlug = slug
	}
	for i := range d.Watchlist {
		d.Watchlist[i].FilmSlug = slug
	}
	for i := range d.Lists {
		for j := range d.Lists[i].Entries {
			d.Lists[i].Entries[j].FilmSlug = slug
		}
	}
	return d
}

// insertListEntries puts a resolved row's entries into the member's list of
// that slug at their original positions, moving later entries down; the
// list is created if the import left none.
func insertListEntries(ctx context.Context, tx *sql.Tx, uid int64, l member.List) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM member_lists WHERE user_id = $1 AND slug = $2", uid, l.Slug).Scan(&id)
	if err == sql.ErrNoRows {
		entries := l.Entries
		l.Entries = nil
		if err := importList(ctx, tx, uid, l); err != nil {
			return err
		}
		l.Entries = entries
		err = tx.QueryRowContext(ctx, "SELECT id FROM member_lists WHERE user_id = $1 AND slug = $2", uid, l.Slug).Scan(&id)
	}
	if err != nil {
		return err
	}
	for _, e := range l.Entries {
		fid, err := filmRef(ctx, tx, e.FilmSlug)
		if err != nil {
			return err
		}
		var have int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM member_list_entries WHERE list_id = $1 AND film_id = $2", id, fid).Scan(&have); err != nil || have > 0 {
			return err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM member_list_entries WHERE list_id = $1 AND position = $2", id, e.Position).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			if _, err := tx.ExecContext(ctx, "UPDATE member_list_entries SET position = position + 1 WHERE list_id = $1 AND position >= $2", id, e.Position); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO member_list_entries (list_id, film_id, position, note) VALUES ($1, $2, $3, $4)",
			id, fid, max(e.Position, 1), e.Note); err != nil {
			return err
		}
	}
	return nil
}
