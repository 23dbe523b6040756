package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// Knowledge is what the refresh computed for one film: its generated
// answers, and the advisories its dossier's controversies section reports.
type Knowledge struct {
	Answers           []film.Answer   `json:"answers,omitempty"`
	ArticleAdvisories []film.Advisory `json:"article_advisories,omitempty"`
	ArticleSource     *film.Source    `json:"article_source,omitempty"` // the section they were read from
}

// FilmKnowledge returns a film's computed knowledge; a film the refresh
// found nothing to say about has an empty one (not an error).
func (s *Store) FilmKnowledge(ctx context.Context, filmSlug string) (*Knowledge, error) {
	var body string
	err := s.read.QueryRowContext(ctx, `SELECT k.body FROM film_knowledge k JOIN films f ON f.id = k.film_id WHERE f.slug = $1`, filmSlug).Scan(&body)
	if err == sql.ErrNoRows {
		return &Knowledge{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("knowledge of %q: %w", filmSlug, err)
	}
	var k Knowledge
	if err := json.Unmarshal([]byte(body), &k); err != nil {
		return nil, fmt.Errorf("knowledge of %q: %w", filmSlug, err)
	}
	return &k, nil
}

// summary is what the comparison needs of any film.
type summary struct {
	id          int64
	slug, title string
	year        int
	votes       int64
	rating      float64
	dirs, cast  []int64
}

// universe holds the summaries of the films a refresh may name.
type universe struct {
	films    []summary // by id
	index    map[int64]int32
	dirFilms map[int64][]int32
	themes   map[int64][]string
	gross    map[int64]int64
	sorted   map[int64]bool // directors whose dirFilms topFilms has cut
}

func (s *Store) loadUniverse(ctx context.Context, tx *sql.Tx, sc scope) (*universe, error) {
	u := &universe{index: map[int64]int32{}, dirFilms: map[int64][]int32{}, themes: map[int64][]string{}, gross: map[int64]int64{}, sorted: map[int64]bool{}}
	err := eachRow(ctx, tx, `SELECT id, slug, title, year, rating_votes, rating_avg FROM films f WHERE `+sc.universe("f.id")+" ORDER BY id", func(r *sql.Rows) error {
		var m summary
		if err := r.Scan(&m.id, &m.slug, &m.title, &m.year, &m.votes, &m.rating); err != nil {
			return err
		}
		u.index[m.id] = int32(len(u.films))
		u.films = append(u.films, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT film_id, person_id, role FROM credits c WHERE (role = 'director' OR role = 'cast' AND billing BETWEEN 1 AND 4)
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
	err = eachRow(ctx, tx, `SELECT film_id, territory, amount FROM box_office_grosses g WHERE `+sc.universe("g.film_id"), func(r *sql.Rows) error {
		var fid, amount int64
		var terr string
		if err := r.Scan(&fid, &terr, &amount); err != nil {
			return err
		}
		if strings.EqualFold(terr, "worldwide") {
			u.gross[fid] = -amount // negative marks a worldwide figure, which wins over the sum
		} else if u.gross[fid] >= 0 {
			u.gross[fid] += amount
		}
		return nil
	})
	return u, err
}

// topFilms returns a director's most-voted films, at most
// maxOthersConsidered+1 (the film being answered may be among them),
// sorting the director's list once and keeping the cut.
func (u *universe) topFilms(dir int64) []int32 {
	fs := u.dirFilms[dir]
	if u.sorted[dir] {
		return fs
	}
	if len(fs) > maxOthersConsidered+1 {
		sort.Slice(fs, func(a, b int) bool { return u.films[fs[a]].votes > u.films[fs[b]].votes })
		fs = fs[: maxOthersConsidered+1 : maxOthersConsidered+1]
		u.dirFilms[dir] = fs
	}
	u.sorted[dir] = true
	return fs
}

func (u *universe) grossOf(fid int64) int64 {
	g := u.gross[fid]
	if g < 0 {
		return -g
	}
	return g
}

// maxOthersConsidered bounds the work for a prolific director: only their
// most-voted other films are compared.
const maxOthersConsidered = 50

// others lists the other films of f's directors with what they share.
func (u *universe) others(f *knowledge.Facts, fid int64, names map[int64]string) []knowledge.OtherFilm {
	i, ok := u.index[fid]
	if !ok {
		return nil
	}
	me := u.films[i]
	var cand []int32
	for _, d := range me.dirs {
		for _, j := range u.topFilms(d) {
			if j != i && !slices.Contains(cand, j) {
				cand = append(cand, j)
			}
		}
	}
	if len(cand) > maxOthersConsidered {
		sort.Slice(cand, func(a, b int) bool { return u.films[cand[a]].votes > u.films[cand[b]].votes })
		cand = cand[:maxOthersConsidered]
	}
	if len(cand) == 0 {
		return nil
	}
	mine := map[string]bool{}
	for _, t := range u.themes[fid] {
		mine[t] = true
	}
	var out []knowledge.OtherFilm
	for _, j := range cand {
		o := u.films[j]
		of := knowledge.OtherFilm{Slug: o.slug, Title: o.title, Year: o.year, Rating: o.rating, Votes: o.votes, Gross: u.grossOf(o.id)}
		for _, t := range u.themes[o.id] {
			if mine[t] {
				of.SharedThemes = append(of.SharedThemes, t)
			}
		}
		for _, p := range o.cast {
			if n, ok := names[p]; ok {
				of.SharedCast = append(of.SharedCast, n)
			}
		}
		out = append(out, of)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Year < out[b].Year })
	return out
}

func nowUnix() int64 { return time.Now().Unix() }
