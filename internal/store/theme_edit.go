package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"marquee/internal/knowledge"
)

// ErrThemeEdit is matched (errors.Is) by every refused theme edit: a
// merge that would make a cycle, an edit that would leave a theme with no
// films, a name already taken by another theme.
var ErrThemeEdit = errors.New("theme edit refused")

// ThemeEditError says why a theme edit was refused, and which of the
// edit's inputs is at fault: "name" (the new name), "into" (the theme
// merged into) or "films" (the films a split moves).
type ThemeEditError struct{ Field, Reason string }

func (e *ThemeEditError) Error() string { return "theme edit refused: " + e.Reason }

// Is makes errors.Is(err, ErrThemeEdit) true.
func (e *ThemeEditError) Is(target error) bool { return target == ErrThemeEdit }

func refuse(field, format string, args ...any) error {
	return &ThemeEditError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// liveTheme finds a theme by slug, following the redirects merges leave.
func liveTheme(ctx context.Context, q querier, slug string) (id int64, name string, err error) {
	err = q.QueryRowContext(ctx, "SELECT id, name FROM themes WHERE slug = $1", slug).Scan(&id, &name)
	if err == sql.ErrNoRows {
		err = q.QueryRowContext(ctx, `SELECT t.id, t.name FROM theme_redirects r JOIN themes t ON t.id = r.theme_id
			WHERE r.slug = $1`, slug).Scan(&id, &name)
	}
	if err == sql.ErrNoRows {
		return 0, "", notFoundErr("theme", slug)
	}
	return id, name, err
}

// RenameTheme gives a theme a new name (its slug, and so its address,
// stays). The new name's spelling joins the theme's vocabulary; a name
// that another theme already answers to is refused — merge them instead.
func (s *Store) RenameTheme(ctx context.Context, slug, name string) error {
	name = strings.TrimSpace(name)
	key := knowledge.Key(name)
	if key == "" {
		return refuse("name", "the new name is empty")
	}
	return s.Transact(ctx, func(tx *sql.Tx) error {
		id, _, err := liveTheme(ctx, tx, slug)
		if err != nil {
			return err
		}
		var other int64
		err = tx.QueryRowContext(ctx, "SELECT theme_id FROM theme_aliases WHERE key = $1", key).Scan(&other)
		switch {
		case err == nil && other != id:
			var otherSlug string
			_ = tx.QueryRowContext(ctx, "SELECT slug FROM themes WHERE id = $1", other).Scan(&otherSlug)
			return refuse("name", "%q is already the theme %q; merge the two instead", name, otherSlug)
		case err != nil && err != sql.ErrNoRows:
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE themes SET name = $1 WHERE id = $2", name, id); err != nil {
			return s.wrap(err, "rename", "theme", slug)
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO theme_aliases (key, theme_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", key, id)
		return err
	})
}

// MergeTheme folds the theme from into the theme into: its films (keeping
// the stronger strength where a film has both), its spellings and its
// address move over, and from is deleted. A merge of a theme into itself,
// or into a theme whose address already leads back to it (a cycle), is
// refused, and so is one that would leave a theme with no films.
func (s *Store) MergeTheme(ctx context.Context, from, into string) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		src, _, err := liveTheme(ctx, tx, from)
		if err != nil {
			return err
		}
		dst, _, err := liveTheme(ctx, tx, into)
		if err != nil {
			return err
		}
		if src == dst {
			if from == into {
				return refuse("into", "a theme cannot be merged into itself")
			}
			return refuse("into", "%q already leads to %q (merged before); merging would make a cycle", into, from)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM film_themes WHERE theme_id IN ($1, $2)", src, dst).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return refuse("into", "neither %q nor %q has any films; the merged theme would be empty", from, into)
		}
		// Each statement's arguments follow the order its placeholders first
		// appear in, as SQLite binds them.
		for _, st := range []struct {
			q    string
			args []any
		}{
			{`UPDATE film_themes SET strength = (SELECT MAX(o.strength) FROM film_themes o WHERE o.film_id = film_themes.film_id AND o.theme_id IN ($1, $2)),
				origin = 'editor' WHERE theme_id = $2 AND film_id IN (SELECT film_id FROM film_themes WHERE theme_id = $1)`, []any{src, dst}},
			{`INSERT INTO film_themes (film_id, theme_id, strength, origin, evidence)
				SELECT film_id, $1, strength, 'editor', evidence FROM film_themes WHERE theme_id = $2
				AND film_id NOT IN (SELECT film_id FROM film_themes WHERE theme_id = $1)`, []any{dst, src}},
			{"UPDATE theme_aliases SET theme_id = $1 WHERE theme_id = $2", []any{dst, src}},
			{"UPDATE theme_redirects SET theme_id = $1 WHERE theme_id = $2", []any{dst, src}},
		} {
			if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
				return s.wrap(err, "merge", "theme", from)
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO theme_redirects (slug, theme_id) VALUES ($1, $2)", from, dst); err != nil {
			return s.wrap(err, "merge", "theme", from)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM themes WHERE id = $1", src); err != nil {
			return s.wrap(err, "merge", "theme", from)
		}
		return recountThemes(ctx, tx, dst)
	})
}

// SplitTheme moves the named films of a theme to a new theme called name;
// the rest stay. Both must keep at least one film: a split that names none
// of the theme's films, or all of them, is refused, and so is a film that
// does not carry the theme or a name another theme already answers to.
// It returns the new theme's slug.
func (s *Store) SplitTheme(ctx context.Context, slug, name string, films []string) (string, error) {
	name = strings.TrimSpace(name)
	key := knowledge.Key(name)
	if key == "" {
		return "", refuse("name", "the new theme's name is empty")
	}
	if len(films) == 0 {
		return "", refuse("films", "the new theme would have no films; name the films that move")
	}
	newSlug := knowledge.Slug(key)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		id, _, err := liveTheme(ctx, tx, slug)
		if err != nil {
			return err
		}
		var total int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM film_themes WHERE theme_id = $1", id).Scan(&total); err != nil {
			return err
		}
		var fids []int64
		for _, f := range films {
			var fid int64
			err := tx.QueryRowContext(ctx, `SELECT ft.film_id FROM film_themes ft JOIN films f ON f.id = ft.film_id
				WHERE ft.theme_id = $1 AND f.slug = $2`, id, f).Scan(&fid)
			if err == sql.ErrNoRows {
				return refuse("films", "film %q does not carry the theme %q", f, slug)
			}
			if err != nil {
				return err
			}
			fids = append(fids, fid)
		}
		if len(dedupeIDs(fids)) >= total {
			return refuse("films", "every film of %q would move; the old theme would be empty (rename it instead)", slug)
		}
		var taken int64
		if err := tx.QueryRowContext(ctx, "SELECT theme_id FROM theme_aliases WHERE key = $1", key).Scan(&taken); err == nil {
			return refuse("name", "%q is already a theme; merge into it instead", name)
		}
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT kind FROM themes WHERE id = $1", id).Scan(&kind); err != nil {
			return err
		}
		var nid int64
		err = tx.QueryRowContext(ctx, "INSERT INTO themes (slug, name, kind) VALUES ($1, $2, $3) RETURNING id", newSlug, name, kind).Scan(&nid)
		if err != nil {
			return s.wrap(err, "split", "theme", newSlug)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO theme_aliases (key, theme_id) VALUES ($1, $2)", key, nid); err != nil {
			return err
		}
		for _, fid := range dedupeIDs(fids) {
			if _, err := tx.ExecContext(ctx, "UPDATE film_themes SET theme_id = $1, origin = 'editor' WHERE theme_id = $2 AND film_id = $3", nid, id, fid); err != nil {
				return err
			}
		}
		if err := recountThemes(ctx, tx, id); err != nil {
			return err
		}
		return recountThemes(ctx, tx, nid)
	})
	return newSlug, err
}

func dedupeIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// recountThemes refreshes the film count of one theme (id > 0) or all.
func recountThemes(ctx context.Context, tx *sql.Tx, id int64) error {
	q := "UPDATE themes SET film_count = (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = themes.id)"
	var args []any
	if id > 0 {
		q += " WHERE id = $1"
		args = append(args, id)
	}
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}
