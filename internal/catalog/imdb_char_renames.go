package catalog

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
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

// replacedPrincipals runs once principals are written (see above).
func (l *imdbLoad) replacedPrincipals(ctx context.Context) error {
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
	var rows []store.BulkCredit
	err := store.BulkRenamedCredits(ctx, l.db, l.firstNew, func(c store.BulkCredit) error {
		if _, ok := slices.BinarySearch(l.heldWritten, l.principalKey(c.FilmID, c.PersonID, c.Role, c.Billing, c.Characters)); ok {
			written[group{c.FilmID, c.PersonID, c.Role, c.Billing}] = true
		} else {
			rows = append(rows, c)
		}
		return nil
	})
	l.heldWritten = nil
	if err != nil {
		return err
	}
	for _, c := range rows {
		if !written[group{c.FilmID, c.PersonID, c.Role, c.Billing}] {
			continue // no credit of this import stands in its place
		}
		if err := l.dropReplaced(ctx, c); err != nil {
			return err
		}
	}
	return nil
}

// dropReplaced deletes one replaced credit and the characters it alone
// named that nothing else holds on to.
func (l *imdbLoad) dropReplaced(ctx context.Context, c store.BulkCredit) error {
	if err := store.BulkDeleteCredit(ctx, l.w, c); err != nil {
		return err
	}
	l.sum.CreditsReplaced++
	l.sum.note(&l.sum.Replaced, fmt.Sprintf("%s: %s as %s", c.FilmSlug, c.Person, c.Characters))
	named, err := l.filmCharacterSlugs(ctx, c.FilmID)
	if err != nil {
		return err
	}
	for _, name := range strings.Split(c.Characters, film.CharacterSep) {
		slug := slugify(name)
		if slug == "" || named[slug] {
			continue
		}
		ref := c.FilmSlug + "/" + slug
		kept, err := store.BulkCharacterHeld(ctx, l.db, c.FilmID, slug, name)
		if err != nil {
			return err
		}
		if kept {
			l.sum.note(&l.sum.CharactersKept, ref)
			continue
		}
		n, err := store.BulkDeleteCharacter(ctx, l.w, c.FilmID, slug)
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
func (l *imdbLoad) filmCharacterSlugs(ctx context.Context, fid int64) (map[string]bool, error) {
	named := map[string]bool{}
	err := store.BulkFilmCharacterNames(ctx, l.db, fid, func(chars string) {
		for _, n := range strings.Split(chars, film.CharacterSep) {
			named[slugify(n)] = true
		}
	})
	return named, err
}
