package catalog

import (
	"bytes"
	"context"
	"slices"

	"marquee/internal/film"
	"marquee/internal/store"
)

func (l *imdbLoad) crew(ctx context.Context, t *tsv) error {
	// Directors and writers are usually also principals, with a billing:
	// keep that one.
	credits, err := l.w.inserter(insertSpec{table: "credits", cols: "film_id, person_id, role, character_name, billing, job", conflict: "",
		action: "DO NOTHING"})
	if err != nil {
		return err
	}
	if err := l.noteHeldCrew(ctx); err != nil {
		return firstErr(err, credits.close())
	}
	var lists [3][]int64
	err = l.each(ctx, t, func(tl *tally) *RowError {
		f := t.fields
		tn, ok := imdbNum(f[0], "tt")
		if !ok {
			return t.fieldErr(0, "tconst", "bad IMDb id: "+clip(f[0]))
		}
		for col := 1; col <= 2; col++ {
			lists[col] = lists[col][:0]
			var bad []byte
			eachItem(f[col], func(b []byte) {
				n, ok := imdbNum(b, "nm")
				switch {
				case !ok && bad == nil:
					bad = bytes.Clone(b)
				case ok && l.people.get(n) != 0:
					lists[col] = append(lists[col], l.people.get(n))
				}
			})
			if bad != nil {
				return t.fieldErr(col, crewColumns[col], "bad IMDb id: "+clip(bad))
			}
		}
		fid := l.films.get(tn)
		switch {
		case fid == 0:
			tl.matchedNothing("title not in the catalog")
			return nil
		case len(lists[1])+len(lists[2]) > 0:
		case len(f[1]) > 2 || len(f[2]) > 2: // people named, none known (\N names none)
			tl.matchedNothing("people not in name.basics")
			return nil
		default:
			tl.skip("no directors or writers")
			return nil
		}
		sent := 0
		for col := 1; col <= 2; col++ {
			for _, pid := range lists[col] {
				if l.werr == nil && !l.crewCredits.has(crewRoles[col], fid, pid) {
					l.werr = credits.add(fid, pid, crewRoles[col], "", int64(0), "")
					sent++
				}
			}
		}
		switch {
		case l.werr != nil:
		case sent == 0 && fid < l.firstNew:
			tl.unchanged() // a film the catalog held, with these credits
		default:
			tl.imported()
		}
		return nil
	})
	return firstErr(err, credits.close())
}

// noteHeldCrew adds the director and writer credits of the films the
// catalog held to crewCredits, so that title.crew rows that repeat them
// are neither written again nor counted as imported. A fresh import has
// no such films and reads nothing (the range ends at the first film id).
func (l *imdbLoad) noteHeldCrew(ctx context.Context) error {
	if l.firstNew <= 1 {
		return nil
	}
	return store.BulkHeldCrew(ctx, l.db, l.firstNew, l.crewCredits.note)
}

// creditSet remembers the director and writer credits principals wrote,
// as film<<32|person, so title.crew (which mostly repeats them) skips them
// instead of sending SQLite millions of upserts that change nothing.
type creditSet struct {
	keys   [3][]uint64 // by crewRoles index
	sorted bool
}

func (s *creditSet) note(role string, fid, pid int64) {
	for i := 1; i <= 2; i++ {
		if role == crewRoles[i] {
			s.keys[i] = append(s.keys[i], uint64(fid)<<32|uint64(pid))
			s.sorted = false
		}
	}
}

func (s *creditSet) has(role string, fid, pid int64) bool {
	if !s.sorted {
		slices.Sort(s.keys[1])
		slices.Sort(s.keys[2])
		s.sorted = true
	}
	for i := 1; i <= 2; i++ {
		if role == crewRoles[i] {
			_, ok := slices.BinarySearch(s.keys[i], uint64(fid)<<32|uint64(pid))
			return ok
		}
	}
	return false
}

var (
	crewColumns = [3]string{1: "directors", 2: "writers"}
	crewRoles   = [3]string{1: string(film.RoleDirector), 2: string(film.RoleWriter)}
)
