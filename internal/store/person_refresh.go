package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"sync"

	"marquee/internal/knowledge"
)

// storedCollabs is how many collaborators a prolific person's row keeps:
// more than the page names, so that ties can be broken by name at read
// time.
const storedCollabs = 16

// creditGraph is every credit as films → people, in compressed rows
// indexed like the universe's films, each film's people sorted and unique.
type creditGraph struct {
	start   []int32 // film i's people are people[start[i]:start[i+1]]
	people  []int64
	prolifc map[int64][]int32 // prolific person → their films (universe indexes)
}

// refreshPeople recomputes the stored knowledge of every prolific person
// (more than ProlificCredits credits) from one pass over all credits,
// compared on answerWorkers goroutines. A refresh of some films only
// drops the rows of the prolific people credited on them, whose answers
// are then read from their credits until the next full refresh.
func (s *Store) refreshPeople(ctx context.Context, tx *sql.Tx, sc scope, u *universe, res *KnowledgeResult) error {
	if !sc.all {
		_, err := tx.ExecContext(ctx, "DELETE FROM person_knowledge WHERE person_id IN (SELECT person_id FROM credits WHERE "+sc.films("film_id")+")")
		return err
	}
	g, err := loadCreditGraph(ctx, tx, u)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM person_knowledge"); err != nil {
		return err
	}
	ids := make([]int64, 0, len(g.prolifc))
	for id := range g.prolifc {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rows := make([]knowledgeRow, len(ids))
	var wg sync.WaitGroup
	for w := range answerWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ids); i += answerWorkers {
				body, _ := json.Marshal(g.person(u, ids[i])) // plain structs of numbers: cannot fail
				rows[i] = knowledgeRow{filmID: ids[i], body: body}
			}
		}()
	}
	wg.Wait()
	pw := &rowWriter{tx: tx, table: "person_knowledge (person_id, body)"}
	defer pw.close()
	if err := pw.write(ctx, rows); err != nil {
		return err
	}
	res.People = len(rows)
	return nil
}

func loadCreditGraph(ctx context.Context, tx *sql.Tx, u *universe) (*creditGraph, error) {
	var fi []int32
	var pi []int64
	counts := map[int64]int32{}
	err := eachRow(ctx, tx, "SELECT film_id, person_id FROM credits", func(r *sql.Rows) error {
		var fid, pid int64
		if err := r.Scan(&fid, &pid); err != nil {
			return err
		}
		if i, ok := u.index[fid]; ok {
			fi, pi = append(fi, i), append(pi, pid)
			counts[pid]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	g := &creditGraph{start: make([]int32, len(u.films)+1), people: make([]int64, len(pi)), prolifc: map[int64][]int32{}}
	for _, i := range fi {
		g.start[i+1]++
	}
	for i := 1; i < len(g.start); i++ {
		g.start[i] += g.start[i-1]
	}
	next := slices.Clone(g.start[:len(u.films)])
	for k, i := range fi {
		g.people[next[i]] = pi[k]
		next[i]++
	}
	// Sort and dedupe each film's people (one person, several roles),
	// compacting in place.
	w := int32(0)
	for i := range u.films {
		seg := g.people[g.start[i]:g.start[i+1]]
		slices.Sort(seg)
		seg = slices.Compact(seg)
		g.start[i] = w
		w += int32(copy(g.people[w:], seg)) // seg may overlap where it lands: read the copy
		for _, p := range g.people[g.start[i]:w] {
			if counts[p] > ProlificCredits {
				g.prolifc[p] = append(g.prolifc[p], int32(i))
			}
		}
	}
	g.start[len(u.films)] = w
	g.people = g.people[:w]
	return g, nil
}

// person computes one prolific person's stored knowledge.
func (g *creditGraph) person(u *universe, pid int64) *storedPerson {
	films := g.prolifc[pid]
	st := &storedPerson{Films: len(films)}
	byVotes := func(a, b int32) int { return cmpVotes(u.films[b].votes, u.films[a].votes) }
	top := slices.Clone(films)
	slices.SortStableFunc(top, byVotes)
	for _, i := range top[:min(knowledge.KnownForFilms, len(top))] {
		st.Top = append(st.Top, u.films[i].id)
	}
	shared := map[int64][]int32{}
	for _, i := range films {
		for _, p := range g.people[g.start[i]:g.start[i+1]] {
			if p != pid {
				shared[p] = append(shared[p], i)
			}
		}
	}
	var cands []int64
	for p, fs := range shared {
		if len(fs) >= 2 {
			cands = append(cands, p)
		}
	}
	slices.SortFunc(cands, func(a, b int64) int {
		if d := len(shared[b]) - len(shared[a]); d != 0 {
			return d
		}
		return cmpVotes(a, b)
	})
	for _, p := range cands[:min(storedCollabs, len(cands))] {
		fs := shared[p]
		slices.SortStableFunc(fs, byVotes)
		c := storedCollab{ID: p, Shared: len(fs)}
		for _, i := range fs[:min(knowledge.TogetherFilms, len(fs))] {
			c.Films = append(c.Films, u.films[i].id)
		}
		st.Collab = append(st.Collab, c)
	}
	return st
}
