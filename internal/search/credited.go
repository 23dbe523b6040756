package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"marquee/internal/store"
)

// Films through their people: a query that names a director or an actor
// ("baker") also finds the films they directed or star in, after the
// films whose own titles match. Only people whose name holds every word
// count, the most credited few, and each brings its most voted films.
const (
	creditedPeople = 3
	creditedFilms  = 60
	// A cast credit counts when billed this high (billing 0 is unbilled).
	creditedBilling = 4
)

// creditedSQL lists the films of the people $1…, with the role that
// brought each in (director first) and the person's name; the last %s
// holds the film filters' conditions.
const creditedSQL = `SELECT f.id, f.slug, f.title, COALESCE(f.year, 0), f.rating_votes, MIN(CASE c.role WHEN 'director' THEN 0 ELSE 1 END), MIN(p.name)
	FROM credits c JOIN films f ON f.id = c.film_id JOIN people p ON p.id = c.person_id
	WHERE c.person_id IN (%s) AND (c.role = 'director' OR (c.role = 'cast' AND c.billing BETWEEN 1 AND %d))%s
	GROUP BY f.id, f.slug, f.title, f.year, f.rating_votes
	ORDER BY f.rating_votes DESC, f.id LIMIT %d`

// addCredited appends to docs the films of the people the query names,
// those not already among them, and ranks the whole again.
func (e *Engine) addCredited(ctx context.Context, p *parsed, q Query, docs []doc) ([]doc, error) {
	people, err := e.find(ctx, p, Query{Kind: KindPerson}, creditedPeople*4, false)
	if err != nil {
		return nil, err
	}
	var ids []any
	for _, d := range people {
		if d.tier <= tierWords && len(ids) < creditedPeople {
			ids = append(ids, d.ref)
		}
	}
	if len(ids) == 0 {
		return docs, nil
	}
	have := map[int64]bool{}
	for _, d := range docs {
		if d.kind == docFilm {
			have[d.ref] = true
		}
	}
	ph := make([]string, len(ids))
	for i := range ids {
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	conds, args := store.FilterSQL(q.Filter, store.FilterColumns{FilmID: "f.id", Film: "f"}, len(ids)+1)
	extra := ""
	if len(conds) > 0 {
		extra = " AND " + strings.Join(conds, " AND ")
	}
	query := fmt.Sprintf(creditedSQL, strings.Join(ph, ","), creditedBilling, extra, creditedFilms)
	rows, err := e.st.DB().QueryContext(ctx, query, append(ids, args...)...)
	if err != nil {
		return nil, fmt.Errorf("search: films of people: %w", err)
	}
	defer rows.Close()
	var found []doc
	for rows.Next() {
		var (
			d    doc
			role int
		)
		if err := rows.Scan(&d.ref, &d.slug, &d.name, &d.year, &d.pop, &role, &d.via); err != nil {
			return nil, fmt.Errorf("search: films of people: %w", err)
		}
		if have[d.ref] {
			continue
		}
		d.kind, d.filmID = docFilm, d.ref
		if role == 0 {
			d.via = "directed by " + d.via
		} else {
			d.via = "with " + d.via
		}
		found = append(found, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: films of people: %w", err)
	}
	rows.Close()
	keys, err := e.filmKeys(ctx, found)
	if err != nil {
		return nil, err
	}
	for _, d := range found {
		d.id = e.docID(d, keys[d.ref])
		docs = append(docs, d)
	}
	rank(p, docs)
	return docs, nil
}

// filmKeys reads the index keys of films from the view that alone spells
// the key's formula out (store migration 0014), by film id. PostgreSQL's
// documents have no such key (docID), so it reads nothing there. The keys
// are read for the chosen films in one query with the ids bound as a
// list: SQLite pushes such a list into the view's branches, while a
// correlated id, per row of creditedSQL, made it scan every film for each
// (seconds for a prolific person on a 1 M-title catalog).
func (e *Engine) filmKeys(ctx context.Context, films []doc) (map[int64]int64, error) {
	keys := map[int64]int64{}
	if e.st.Engine() == "postgres" || len(films) == 0 {
		return keys, nil
	}
	ph, args := make([]string, len(films)), make([]any, len(films))
	for i, d := range films {
		ph[i], args[i] = "$"+strconv.Itoa(i+1), d.ref
	}
	rows, err := e.st.DB().QueryContext(ctx, "SELECT ref, key FROM search_documents WHERE kind = 1 AND ref IN ("+strings.Join(ph, ",")+")", args...)
	if err != nil {
		return nil, fmt.Errorf("search: keys of films: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref, key int64
		if err := rows.Scan(&ref, &key); err != nil {
			return nil, fmt.Errorf("search: keys of films: %w", err)
		}
		keys[ref] = key
	}
	return keys, rows.Err()
}

// docID is the id a document has when the index yields it: the search
// key on SQLite (key, from keyExpr), the kind, ref and ord packed on
// PostgreSQL (postgres.go).
func (e *Engine) docID(d doc, key int64) int64 {
	if e.st.Engine() == "postgres" {
		return int64(d.kind)*1000000000000 + d.ref*1000 + int64(d.ord)
	}
	return key
}
