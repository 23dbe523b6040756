package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// ProlificCredits is how many credits a person may have before their
// answers are read from what the knowledge refresh stored (person
// knowledge) rather than from their credits at request time: reading a
// few dozen credits and their films by key is cheap, reading thousands is
// not.
const ProlificCredits = 50

// storedPerson is the person_knowledge row of a prolific person.
type storedPerson struct {
	Films  int            `json:"n"`           // distinct films credited
	Top    []int64        `json:"k"`           // the most-voted films' ids
	Collab []storedCollab `json:"c,omitempty"` // the people sharing the most films, best first by count
}

// storedCollab is someone who shares films with the person: how many, and
// the most-voted of them.
type storedCollab struct {
	ID     int64   `json:"i"`
	Shared int     `json:"n"`
	Films  []int64 `json:"f"`
}

// Collaborator is someone credited on at least two of a person's films.
type Collaborator struct {
	Slug, Name string
	Shared     []knowledge.PersonFilm // at most knowledge.TogetherFilms, the most voted, in year order
	Total      int                    // films shared
}

// personRow finds a person and, for a prolific one, their stored
// knowledge (nil when they are not prolific or not yet refreshed).
func (s *Store) personRow(ctx context.Context, slug string) (int64, *storedPerson, error) {
	var id int64
	var credits int
	var body sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT p.id, p.credit_count, k.body FROM people p
		LEFT JOIN person_knowledge k ON k.person_id = p.id WHERE p.slug = $1`, slug).Scan(&id, &credits, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, fmt.Errorf("person %q: %w", slug, film.ErrNotFound)
	}
	if err != nil || !body.Valid || credits <= ProlificCredits {
		return id, nil, err
	}
	st := &storedPerson{}
	if err := json.Unmarshal([]byte(body.String), st); err != nil {
		return 0, nil, fmt.Errorf("knowledge of person %q: %w", slug, err)
	}
	return id, st, nil
}

// PersonTopFilms returns a person's n most-voted films, each once with
// every role they had (director first), and how many films they are
// credited on. It reads at most a few dozen rows, whatever the person's
// credits: a prolific person's are read from the refresh's stored row.
func (s *Store) PersonTopFilms(ctx context.Context, personSlug string, n int) ([]knowledge.PersonFilm, int, error) {
	id, st, err := s.personRow(ctx, personSlug)
	if err != nil {
		return nil, 0, err
	}
	cond, total := "", 0
	if st != nil {
		cond, total = " AND c.film_id IN ("+joinIDs(st.Top)+")", st.Films
	}
	films, err := personFilms(ctx, s.read, id, cond)
	if err != nil {
		return nil, 0, fmt.Errorf("films of person %q: %w", personSlug, err)
	}
	if st == nil {
		total = len(films)
	}
	return films[:min(n, len(films))], total, nil
}

// personFilms reads a person's films (those matching cond, a condition
// on credits c) most voted first, each once with every role.
func personFilms(ctx context.Context, q querier, personID int64, cond string) ([]knowledge.PersonFilm, error) {
	rows, err := q.QueryContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), f.rating_votes, c.role, c.character_name
		FROM credits c JOIN films f ON f.id = c.film_id
		WHERE c.person_id = $1`+cond+` ORDER BY f.rating_votes DESC, f.year DESC NULLS LAST, f.id,
		CASE c.role WHEN 'director' THEN 0 WHEN 'writer' THEN 1 WHEN 'cast' THEN 2 ELSE 3 END, c.billing`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []knowledge.PersonFilm
	at := map[string]int{}
	for rows.Next() {
		var pf knowledge.PersonFilm
		var role, char string
		if err := rows.Scan(&pf.Slug, &pf.Title, &pf.Year, &pf.Votes, &role, &char); err != nil {
			return nil, err
		}
		i, ok := at[pf.Slug]
		if !ok {
			i = len(out)
			at[pf.Slug] = i
			out = append(out, pf)
		}
		out[i].Roles = append(out[i].Roles, film.Role(role))
		if role == string(film.RoleCast) && out[i].Character == "" {
			out[i].Character = char
		}
	}
	return out, rows.Err()
}

// Collaborators returns the n people who share the most films with a
// person (at least two; names break ties), each with the most-voted
// shared films in year order and their count.
func (s *Store) Collaborators(ctx context.Context, personSlug string, n int) ([]Collaborator, error) {
	id, st, err := s.personRow(ctx, personSlug)
	if err != nil {
		return nil, err
	}
	var all []Collaborator
	if st != nil {
		all, err = storedCollaborators(ctx, s.read, st)
	} else {
		all, err = liveCollaborators(ctx, s.read, id, n)
	}
	if err != nil {
		return nil, fmt.Errorf("collaborators of %q: %w", personSlug, err)
	}
	slices.SortStableFunc(all, byShared)
	return all[:min(n, len(all))], nil
}

// liveCollaborators reads, from a person's credits, the n people who
// share the most films with them (at least two; names break ties), for
// a person the refresh has not stored. It counts shared films per person
// in SQL and reads the shared films of those n alone: listing every
// (collaborator, film) pair, as it once did, was tens of thousands of
// rows for a person of thousands of credits on a catalog not refreshed yet.
func liveCollaborators(ctx context.Context, q querier, personID int64, n int) ([]Collaborator, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.slug, p.name, a.n FROM (
			SELECT c2.person_id, COUNT(DISTINCT c2.film_id) AS n
			FROM credits c1 JOIN credits c2 ON c2.film_id = c1.film_id
			WHERE c1.person_id = $1 AND c2.person_id <> $1
			GROUP BY c2.person_id HAVING COUNT(DISTINCT c2.film_id) >= 2) a
		JOIN people p ON p.id = a.person_id`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []Collaborator
	var ids []int64
	for rows.Next() {
		var c Collaborator
		var id int64
		if err := rows.Scan(&id, &c.Slug, &c.Name, &c.Total); err != nil {
			return nil, err
		}
		all = append(all, c)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return byShared(all[a], all[b]) })
	order = order[:min(n, len(order))]
	top, at := make([]Collaborator, len(order)), map[int64]int{}
	for i, j := range order {
		top[i], at[ids[j]] = all[j], i
	}
	if len(top) == 0 {
		return top, nil
	}
	chosen := make([]int64, 0, len(at))
	for id := range at {
		chosen = append(chosen, id)
	}
	rows, err = q.QueryContext(ctx, `SELECT c2.person_id, f.slug, f.title, COALESCE(f.year, 0), f.rating_votes
		FROM credits c1 JOIN credits c2 ON c2.film_id = c1.film_id JOIN films f ON f.id = c1.film_id
		WHERE c1.person_id = $1 AND c2.person_id IN (`+joinIDs(chosen)+`)
		GROUP BY c2.person_id, f.id, f.slug, f.title, f.year, f.rating_votes`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var pf knowledge.PersonFilm
		if err := rows.Scan(&id, &pf.Slug, &pf.Title, &pf.Year, &pf.Votes); err != nil {
			return nil, err
		}
		c := &top[at[id]]
		c.Shared = append(c.Shared, pf)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range top {
		top[i].Shared = mostVoted(top[i].Shared, knowledge.TogetherFilms)
	}
	return top, nil
}

// byShared orders collaborators most shared films first, names breaking
// ties.
func byShared(a, b Collaborator) int {
	if a.Total != b.Total {
		return b.Total - a.Total
	}
	return strings.Compare(a.Name, b.Name)
}

// mostVoted keeps the n most-voted films, in year order.
func mostVoted(fs []knowledge.PersonFilm, n int) []knowledge.PersonFilm {
	if len(fs) > n {
		slices.SortStableFunc(fs, func(a, b knowledge.PersonFilm) int { return cmpVotes(b.Votes, a.Votes) })
		fs = fs[:n]
	}
	slices.SortStableFunc(fs, func(a, b knowledge.PersonFilm) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return fs
}

func cmpVotes(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// storedCollaborators reads the stored collaborators' names and shared
// films by key.
func storedCollaborators(ctx context.Context, q querier, st *storedPerson) ([]Collaborator, error) {
	if len(st.Collab) == 0 {
		return nil, nil
	}
	var pids, fids []int64
	for _, c := range st.Collab {
		pids = append(pids, c.ID)
		fids = append(fids, c.Films...)
	}
	people := map[int64][2]string{}
	err := eachRow(ctx, q, "SELECT id, slug, name FROM people WHERE id IN ("+joinIDs(pids)+")", func(r *sql.Rows) error {
		var id int64
		var slug, name string
		err := r.Scan(&id, &slug, &name)
		people[id] = [2]string{slug, name}
		return err
	})
	if err != nil {
		return nil, err
	}
	films := map[int64]knowledge.PersonFilm{}
	err = eachRow(ctx, q, "SELECT id, slug, title, COALESCE(year, 0), rating_votes FROM films WHERE id IN ("+joinIDs(fids)+")", func(r *sql.Rows) error {
		var id int64
		var pf knowledge.PersonFilm
		err := r.Scan(&id, &pf.Slug, &pf.Title, &pf.Year, &pf.Votes)
		films[id] = pf
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []Collaborator
	for _, c := range st.Collab {
		p, ok := people[c.ID]
		if !ok {
			continue // deleted since the refresh
		}
		col := Collaborator{Slug: p[0], Name: p[1], Total: c.Shared}
		for _, fid := range c.Films {
			if pf, ok := films[fid]; ok {
				col.Shared = append(col.Shared, pf)
			}
		}
		col.Shared = mostVoted(col.Shared, knowledge.TogetherFilms)
		out = append(out, col)
	}
	return out, nil
}

// joinIDs writes ids for an IN list; they are integers, so safe in SQL.
func joinIDs(ids []int64) string {
	if len(ids) == 0 {
		return "NULL"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}
