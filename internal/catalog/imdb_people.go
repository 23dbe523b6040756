package catalog

import (
	"context"
	"strings"

	"marquee/internal/film"
)

func (l *imdbLoad) names(ctx context.Context, t *tsv) error {
	ins, err := l.w.inserter(insertSpec{table: "people", cols: "id, slug, name, birth_year, death_year, professions, imdb_id, created_at, updated_at", conflict: "id",
		action: `DO UPDATE SET imdb_id = excluded.imdb_id, name = excluded.name, birth_year = excluded.birth_year,
		death_year = excluded.death_year, professions = excluded.professions, updated_at = excluded.updated_at`})
	if err != nil {
		return err
	}
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		n, ok := imdbNum(f[0], "nm")
		if !ok {
			return t.fieldErr(0, "nconst", "bad IMDb id: "+clip(f[0]))
		}
		if l.people.markSeen(n) {
			return t.fieldErr(0, "nconst", "duplicate key: "+string(f[0]))
		}
		name, ok1 := text(f[1])
		profs, ok2 := text(f[4])
		if !ok1 || !ok2 {
			return t.fieldErr(1, "primaryName", "invalid UTF-8")
		}
		if name == "" {
			return t.fieldErr(1, "primaryName", "empty name")
		}
		birth, err := optInt(f[2])
		if err != nil {
			return t.fieldErr(2, "birthYear", "bad number: "+clip(f[2]))
		}
		death, err := optInt(f[3])
		if err != nil {
			return t.fieldErr(3, "deathYear", "bad number: "+clip(f[3]))
		}
		if field, bad := checkLife(birth, death); bad != "" {
			return t.fieldErr(2, field, bad)
		}
		if bad := checkTitle(name); bad != "" {
			return t.fieldErr(1, "primaryName", bad)
		}
		id := l.people.get(n)
		existed := id != 0
		slug := personSlug(name)
		if id == 0 {
			if id = l.adoptPeople[slug]; id != 0 {
				delete(l.adoptPeople, slug)
			} else {
				id = l.next.person
				l.next.person++
				l.personSlugs.add(slug, id)
			}
			l.people.set(n, id)
		}
		if existed && at(l.stored.people, id) == l.stored.personHash(l.hash, name, birth, death, profs) {
			tl.unchanged() // the catalog holds it as it is
			return nil
		}
		if l.werr = ins.add(id, slug, name, birth, death, profs, string(f[0]), l.now, l.now); l.werr != nil {
			return nil
		}
		tl.wrote(existed)
		return nil
	})
	return firstErr(err, ins.close())
}

// roleOf maps IMDb's principal categories to Marquee's roles.
func roleOf(category []byte) string {
	switch string(category) {
	case "actor", "actress", "self", "archive_footage":
		return string(film.RoleCast)
	case "director", "writer", "producer", "composer", "cinematographer", "editor":
		return string(category)
	}
	return string(film.RoleOther)
}

// jobOf is a principal's job in IMDb's words: the job column ("director
// of photography", "screenplay") or, for a category Marquee has no role
// for, the category ("production designer"); empty when it only repeats
// the role ("producer" for a producer).
func jobOf(category, job []byte) (string, bool) {
	j, ok := text(job)
	if !ok {
		return "", false
	}
	cat := strings.ReplaceAll(string(category), "_", " ")
	if j == "" && roleOf(category) == string(film.RoleOther) {
		j = cat
	}
	if strings.EqualFold(j, cat) && roleOf(category) != string(film.RoleOther) {
		j = ""
	}
	return j, true
}

// notCharacters are what IMDb writes in the characters column of people
// appearing as themselves; they become credits but not characters.
var notCharacters = map[string]bool{"self": true, "himself": true, "herself": true, "themselves": true, "narrator": true}

// creditWriters are the statements principals and crew write through.
type creditWriters struct {
	credits *splitWriter
	chars   *inserter
}

func (l *imdbLoad) creditWriters() (creditWriters, error) {
	credits, err := l.w.splitWriter(keyedSpec{table: "credits", cols: "film_id, person_id, role, character_name, billing, job",
		conflict: "film_id, person_id, role, character_name", update: []string{"billing", "job"}})
	if err != nil {
		return creditWriters{}, err
	}
	chars, err := l.w.inserter(insertSpec{table: "characters", cols: "film_id, slug, name, person_id", conflict: "film_id, slug",
		action: "DO NOTHING"})
	return creditWriters{credits, chars}, err
}

func (cw creditWriters) close(fs *FileSummary) error {
	return firstErr(cw.credits.close(fs), cw.chars.close())
}

func (l *imdbLoad) principals(ctx context.Context, t *tsv) error {
	cw, err := l.creditWriters()
	if err != nil {
		return err
	}
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		tn, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "tconst", "bad IMDb id: "+clip(f[0]))
		}
		billing, err := optInt(f[1])
		if err != nil {
			return t.fieldErr(1, "ordering", "bad number: "+clip(f[1]))
		}
		pn, ok := imdbNum(f[2], "nm")
		if !ok {
			return t.fieldErr(2, "nconst", "bad IMDb id: "+clip(f[2]))
		}
		chars, err := characters(f[5])
		if err != nil {
			return t.fieldErr(5, "characters", err.Error()+": "+clip(f[5]))
		}
		if bad := checkTitle(film.JoinCharacters(chars)); bad != "" {
			return t.fieldErr(5, "characters", bad)
		}
		job, ok := jobOf(f[3], f[4])
		if !ok {
			return t.fieldErr(4, "job", "invalid UTF-8")
		}
		if bad := checkTitle(job); bad != "" {
			return t.fieldErr(4, "job", bad)
		}
		fid, pid := l.films.get(tn), l.people.get(pn)
		switch {
		case fid == 0:
			tl.matchedNothing("title not in the catalog")
			return nil
		case pid == 0:
			tl.matchedNothing("person not in name.basics")
			return nil
		}
		role := roleOf(f[3])
		// One credit however many characters: "as Ani / Anora Mikheeva",
		// in IMDb's order. Each named character gets its page.
		l.writeHeld(tl, cw.credits, fid, fid, pid, role, film.JoinCharacters(chars), billing, job)
		l.noteHeldPrincipal(fid, pid, role, billing, film.JoinCharacters(chars))
		if l.werr == nil {
			l.werr = l.mergeOldCharacterRows(ctx, fid, pid, role, chars)
		}
		if len(chars) == 0 {
			l.crewCredits.note(role, fid, pid)
		}
		for _, c := range chars {
			slug := slugify(c)
			if l.werr == nil && slug != "" && !notCharacters[slug] && l.newCharacter(fid, slug) {
				l.werr = cw.chars.add(fid, slug, c, pid)
			}
		}
		return nil
	})
	l.oldCharacterNote()
	if err = firstErr(err, cw.close(l.sum.file(t.name))); err != nil {
		return err
	}
	return l.replacedPrincipals(ctx)
}

// newCharacter reports whether slug is the first character of that name
// met in film fid, sparing the upsert a conflict. Principals come sorted
// by title, so remembering the current film's names is enough; for input
// that is not sorted, the upsert's ON CONFLICT still keeps the first.
func (l *imdbLoad) newCharacter(fid int64, slug string) bool {
	if l.charSeen == nil {
		l.charSeen = make(map[string]bool, 16)
	}
	if fid != l.charFilm {
		l.charFilm = fid
		clear(l.charSeen)
	}
	if l.charSeen[slug] {
		return false
	}
	l.charSeen[slug] = true
	return true
}
