package catalog

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"

	"marquee/internal/film"
)

// A principal IMDb renames ("Mikey Saber" → "Mikey Davies") keeps its
// place (tconst, ordering) and person but changes the credit's key,
// which holds the character's name: the re-import adds the new credit,
// and without more the old one would stay beside it ("as Mikey Saber",
// "as Mikey Davies"), with the old character's page. replacedPrincipals
// finds, for films the catalog held, each credit that shares film,
// person, role and billing with a credit this import wrote under another
// name, and removes it; the characters only it named go with it, unless
// a description was written for them or the film's dossier names them,
// in which case they stay and the summary says so. Every credit and
// character removed is counted and named.
type heldPrincipals []uint64 // hashes of the held films' credits written, sorted when read

func (l *imdbLoad) principalKey(fid, pid int64, role string, billing int64, chars string) uint64 {
	return l.hash.int(fid).int(pid).str(role).int(billing).str(chars).sum()
}

// noteHeldPrincipal remembers a credit with characters written onto a
// film the catalog held (eight bytes a credit; nothing on a fresh import).
func (l *imdbLoad) noteHeldPrincipal(fid, pid int64, role string, billing int64, chars string) {
	if fid < l.firstNew && chars != "" && l.w != nil {
		l.heldWritten = append(l.heldWritten, l.principalKey(fid, pid, role, billing, chars))
	}
}

// staleCredit is a credit a renamed principal replaces.
type staleCredit struct {
	fid, pid       int64
	role, chars    string
	billing        int64
	filmSlug, name string
}

const replacedQuery = `SELECT c.film_id, c.person_id, c.role, c.billing, c.character_name, f.slug, p.name
	FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
	WHERE c.film_id < ? AND c.character_name <> '' AND EXISTS (SELECT 1 FROM credits o
		WHERE o.film_id = c.film_id AND o.person_id = c.person_id AND o.role = c.role
		AND o.billing = c.billing AND o.character_name <> c.character_name)`

// replacedPrincipals runs once principals are written (see above).
func (l *imdbLoad) replacedPrincipals() error {
	if len(l.heldWritten) == 0 {
		return nil
	}
	slices.Sort(l.heldWritten)
	type group struct {
		fid, pid int64
		role     string
		billing  int64
	}
	written := map[group]bool{}
	var rows []staleCredit
	err := l.db.queryRows(replacedQuery, func(v []driver.Value) error {
		c := staleCredit{fid: asInt(v[0]), pid: asInt(v[1]), role: asString(v[2]), billing: asInt(v[3]),
			chars: asString(v[4]), filmSlug: asString(v[5]), name: asString(v[6])}
		if _, ok := slices.BinarySearch(l.heldWritten, l.principalKey(c.fid, c.pid, c.role, c.billing, c.chars)); ok {
			written[group{c.fid, c.pid, c.role, c.billing}] = true
		} else {
			rows = append(rows, c)
		}
		return nil
	}, l.firstNew)
	l.heldWritten = nil
	if err != nil {
		return err
	}
	for _, c := range rows {
		if !written[group{c.fid, c.pid, c.role, c.billing}] {
			continue // no credit of this import stands in its place
		}
		if err := l.dropReplaced(c); err != nil {
			return err
		}
	}
	return nil
}

// dropReplaced deletes one replaced credit and the characters it alone
// named that nothing else holds on to.
func (l *imdbLoad) dropReplaced(c staleCredit) error {
	if err := l.w.exec(`DELETE FROM credits WHERE film_id = ? AND person_id = ? AND role = ? AND character_name = ?`,
		c.fid, c.pid, c.role, c.chars); err != nil {
		return err
	}
	l.sum.CreditsReplaced++
	l.sum.note(&l.sum.Replaced, fmt.Sprintf("%s: %s as %s", c.filmSlug, c.name, c.chars))
	named, err := l.filmCharacterSlugs(c.fid)
	if err != nil {
		return err
	}
	for _, name := range strings.Split(c.chars, film.CharacterSep) {
		slug := slugify(name)
		if slug == "" || named[slug] {
			continue
		}
		ref := c.filmSlug + "/" + slug
		kept, err := l.db.queryInt(`SELECT COUNT(*) FROM characters ch WHERE ch.film_id = ? AND ch.slug = ?
			AND (ch.description <> '' OR EXISTS (SELECT 1 FROM dossier_sections s WHERE s.film_id = ch.film_id AND s.text LIKE ?)
				OR EXISTS (SELECT 1 FROM quotes q WHERE q.film_id = ch.film_id AND q.speaker = ch.name))`,
			c.fid, slug, "%"+name+"%")
		if err != nil {
			return err
		}
		if kept > 0 {
			l.sum.note(&l.sum.CharactersKept, ref)
			continue
		}
		n, err := l.w.execN("DELETE FROM characters WHERE film_id = ? AND slug = ?", c.fid, slug)
		if err != nil {
			return err
		}
		if n > 0 {
			l.sum.CharactersDropped++
			l.sum.note(&l.sum.Dropped, ref)
		}
	}
	return nil
}

// filmCharacterSlugs are the slugs of the characters a film's credits
// still name.
func (l *imdbLoad) filmCharacterSlugs(fid int64) (map[string]bool, error) {
	named := map[string]bool{}
	err := l.db.queryRows("SELECT character_name FROM credits WHERE film_id = ? AND character_name <> ''", func(v []driver.Value) error {
		for _, n := range strings.Split(asString(v[0]), film.CharacterSep) {
			named[slugify(n)] = true
		}
		return nil
	}, fid)
	return named, err
}
