package store

import (
	"context"
	"database/sql/driver"
	"strings"
)

// The IMDb import's statements for credits a re-import replaces: a
// principal IMDb renamed ("Mikey Saber" → "Mikey Davies") comes back as a
// new credit, and the old one, with the characters only it named, goes
// (catalog's imdb_char_renames.go decides which).

// BulkCredit is a credit as these statements read it: its key, and the
// film's slug and person's name to name it by.
type BulkCredit struct {
	FilmID, PersonID int64
	Role             string
	Billing          int64
	Characters       string
	FilmSlug, Person string
}

// BulkRenamedCredits calls fn with every credit with characters on a film
// below firstNew (one the catalog held before the import) that shares its
// film, person, role and billing with a credit naming other characters.
func BulkRenamedCredits(ctx context.Context, c BulkConn, firstNew int64, fn func(BulkCredit) error) error {
	return c.QueryArgs(ctx, `SELECT c.film_id, c.person_id, c.role, c.billing, c.character_name, f.slug, p.name
	FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
	WHERE c.film_id < ? AND c.character_name <> '' AND EXISTS (SELECT 1 FROM credits o
		WHERE o.film_id = c.film_id AND o.person_id = c.person_id AND o.role = c.role
		AND o.billing = c.billing AND o.character_name <> c.character_name)`, func(v []driver.Value) error {
		return fn(BulkCredit{FilmID: bulkInt(v[0]), PersonID: bulkInt(v[1]), Role: BulkText(v[2]), Billing: bulkInt(v[3]),
			Characters: BulkText(v[4]), FilmSlug: BulkText(v[5]), Person: BulkText(v[6])})
	}, firstNew)
}

// BulkDeleteCredit deletes credit cr (by film, person, role and
// characters).
func BulkDeleteCredit(ctx context.Context, c BulkConn, cr BulkCredit) error {
	return c.ExecArgs(ctx, `DELETE FROM credits WHERE film_id = ? AND person_id = ? AND role = ? AND character_name = ?`,
		cr.FilmID, cr.PersonID, cr.Role, cr.Characters)
}

// BulkFilmCharacterNames calls fn with the characters text of each of film
// id's credits that names any.
func BulkFilmCharacterNames(ctx context.Context, c BulkConn, id int64, fn func(chars string)) error {
	return c.QueryArgs(ctx, "SELECT character_name FROM credits WHERE film_id = ? AND character_name <> ''", func(v []driver.Value) error {
		fn(BulkText(v[0]))
		return nil
	}, id)
}

// BulkCharacterHeld reports whether film id's character slug (named name)
// holds something of its own: a description written for it, a dossier
// section that names it, or a quote it speaks.
func BulkCharacterHeld(ctx context.Context, c BulkConn, id int64, slug, name string) (bool, error) {
	var n int64
	err := c.QueryArgs(ctx, `SELECT COUNT(*) FROM characters ch WHERE ch.film_id = ? AND ch.slug = ?
		AND (ch.description <> '' OR EXISTS (SELECT 1 FROM dossier_sections s WHERE s.film_id = ch.film_id AND s.text LIKE ?)
			OR EXISTS (SELECT 1 FROM quotes q WHERE q.film_id = ch.film_id AND q.speaker = ch.name))`, func(v []driver.Value) error {
		n = bulkInt(v[0])
		return nil
	}, id, slug, "%"+name+"%")
	return n > 0, err
}

// BulkDeleteCharacter deletes film id's character slug and says how many
// rows went (0 or 1).
func BulkDeleteCharacter(ctx context.Context, c BulkConn, id int64, slug string) (int64, error) {
	return c.ExecCount(ctx, "DELETE FROM characters WHERE film_id = ? AND slug = ?", id, slug)
}

// BulkMergeOldCharacterRows removes the credits of film id, person pid
// and role that imports before multi-character credits wrote one per
// character: rows named after exactly one of chars (two or more), which
// the credit joining them replaces. It counts them on read and queues
// their deletion on w, in order with the import's rows, and returns the
// count.
func BulkMergeOldCharacterRows(ctx context.Context, read, w BulkConn, id, pid int64, role string, chars []string) (int64, error) {
	args := []driver.Value{id, pid, role}
	for _, c := range chars {
		args = append(args, c)
	}
	where := "FROM credits WHERE film_id = ? AND person_id = ? AND role = ? AND character_name IN (?" + strings.Repeat(", ?", len(chars)-1) + ")"
	var n int64
	if err := read.QueryArgs(ctx, "SELECT COUNT(*) "+where, func(v []driver.Value) error {
		n = bulkInt(v[0])
		return nil
	}, args...); err != nil || n == 0 {
		return 0, err
	}
	return n, w.QueueArgs("DELETE "+where, args...)
}

// BulkHeldCrew calls fn with the director and writer credits (without
// characters) of the films below firstNew.
func BulkHeldCrew(ctx context.Context, c BulkConn, firstNew int64, fn func(role string, film, person int64)) error {
	return c.QueryArgs(ctx, `SELECT role, film_id, person_id FROM credits
		WHERE film_id < ? AND role IN ('director', 'writer') AND character_name = ''`, func(v []driver.Value) error {
		fn(BulkText(v[0]), bulkInt(v[1]), bulkInt(v[2]))
		return nil
	}, firstNew)
}

// BulkQueueClearGenres queues the deletion of film id's genres on w, in
// order with the rows that write them anew.
func BulkQueueClearGenres(w BulkConn, id int64) error {
	return w.QueueArgs("DELETE FROM film_genres WHERE film_id = ?", id)
}
