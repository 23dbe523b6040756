package store

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"
)

// summary is what the comparison needs of any film.
type summary struct {
	id         int64
	year       int
	votes      int64
	dirs, cast []int64 // cast: the leading cast, billing 0–8
}

// universe holds the summaries of the films a refresh may name, read in a
// few set-based queries (one per kind of fact, over all films at once).
// Once prepare has run it is only read, so workers share it.
type universe struct {
	films    []summary // by id
	index    map[int64]int32
	dirFilms map[int64][]int32
	themes   map[int64][]string
}

func loadUniverse(ctx context.Context, tx *sql.Tx, sc scope) (*universe, error) {
	u := &universe{index: map[int64]int32{}, dirFilms: map[int64][]int32{}, themes: map[int64][]string{}}
	err := eachRow(ctx, tx, `SELECT id, COALESCE(year, 0), rating_votes FROM films f WHERE `+sc.universe("f.id")+" ORDER BY id", func(r *sql.Rows) error {
		var m summary
		if err := r.Scan(&m.id, &m.year, &m.votes); err != nil {
			return err
		}
		u.index[m.id] = int32(len(u.films))
		u.films = append(u.films, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT film_id, person_id, role FROM credits c WHERE (role = 'director' OR role = 'cast' AND billing BETWEEN 0 AND 8)
		AND `+sc.universe("c.film_id"), func(r *sql.Rows) error {
		var fid, pid int64
		var role string
		if err := r.Scan(&fid, &pid, &role); err != nil {
			return err
		}
		i, ok := u.index[fid]
		if !ok {
			return nil
		}
		if role == "director" {
			u.films[i].dirs = append(u.films[i].dirs, pid)
			u.dirFilms[pid] = append(u.dirFilms[pid], i)
		} else {
			u.films[i].cast = append(u.films[i].cast, pid)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT ft.film_id, t.name FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
		WHERE t.kind = 'theme' AND `+sc.universe("ft.film_id")+" ORDER BY ft.film_id, ft.strength DESC, t.name", func(r *sql.Rows) error {
		var fid int64
		var name string
		if err := r.Scan(&fid, &name); err != nil {
			return err
		}
		u.themes[fid] = append(u.themes[fid], name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	u.prepare()
	return u, nil
}

// maxOthersConsidered bounds the work for a prolific director: only their
// most-voted other films are compared.
const maxOthersConsidered = 50

// prepare cuts every prolific director's films to their most-voted
// maxOthersConsidered+1 (the film being answered may be among them), so
// that others only reads the universe.
func (u *universe) prepare() {
	for d, fs := range u.dirFilms {
		if len(fs) > maxOthersConsidered+1 {
			sort.Slice(fs, func(a, b int) bool { return u.films[fs[a]].votes > u.films[fs[b]].votes })
			u.dirFilms[d] = fs[: maxOthersConsidered+1 : maxOthersConsidered+1]
		}
	}
}

// others lists the other films of the film at index i's directors, in
// year order, with the themes and leading cast each shares with it.
func (u *universe) others(i int32) []storedOther {
	me := u.films[i]
	var cand []int32
	for k, d := range me.dirs {
		for _, j := range u.dirFilms[d] {
			// Only a second director's films can repeat the first's.
			if j != i && (k == 0 || !slices.Contains(cand, j)) {
				cand = append(cand, j)
			}
		}
	}
	if len(cand) == 0 {
		return nil
	}
	if len(cand) > maxOthersConsidered {
		sort.Slice(cand, func(a, b int) bool { return u.films[cand[a]].votes > u.films[cand[b]].votes })
		cand = cand[:maxOthersConsidered]
	}
	sort.SliceStable(cand, func(a, b int) bool { return u.films[cand[a]].year < u.films[cand[b]].year })
	mine := u.themes[me.id]
	out := make([]storedOther, 0, len(cand))
	for _, j := range cand {
		o := u.films[j]
		so := storedOther{ID: o.id}
		if len(mine) > 0 {
			for _, t := range u.themes[o.id] {
				if slices.Contains(mine, t) {
					so.Themes = append(so.Themes, t)
				}
			}
		}
		for _, p := range o.cast {
			if slices.Contains(me.cast, p) && !slices.Contains(so.Cast, p) {
				so.Cast = append(so.Cast, p)
			}
		}
		out = append(out, so)
	}
	return out
}

// grossOf is a film's gross: the worldwide figure when there is one, else
// the sum of its territories.
func grossOf(grosses map[string]int64) int64 {
	var sum int64
	for terr, amount := range grosses {
		if strings.EqualFold(terr, "worldwide") {
			return amount
		}
		sum += amount
	}
	return sum
}
