package search

import (
	"context"
	"fmt"
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
// brought each in (director first) and the person's name; %s holds the
// film filters' conditions; the first %s is the film's key in the
// index (keyExpr).
const creditedSQL = `SELECT f.id, f.slug, f.title, COALESCE(f.year, 0), f.rating_votes, MIN(CASE c.role WHEN 'director' THEN 0 ELSE 1 END), MIN(p.name), %s
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
	query := fmt.Sprintf(creditedSQL, e.keyExpr(), strings.Join(ph, ","), creditedBilling, extra, creditedFilms)
	rows, err := e.st.DB().QueryContext(ctx, query, append(ids, args...)...)
	if err != nil {
		return nil, fmt.Errorf("search: films of people: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			d    doc
			role int
		)
		var key int64
		if err := rows.Scan(&d.ref, &d.slug, &d.name, &d.year, &d.pop, &role, &d.via, &key); err != nil {
			return nil, fmt.Errorf("search: films of people: %w", err)
		}
		if have[d.ref] {
			continue
		}
		d.kind, d.filmID = docFilm, d.ref
		d.id = e.docID(d, key)
		if role == 0 {
			d.via = "directed by " + d.via
		} else {
			d.via = "with " + d.via
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: films of people: %w", err)
	}
	rank(p, docs)
	return docs, nil
}

// keyExpr is the SQL of a film's key in the index, for creditedSQL: on
// SQLite the search key, read from the view that alone spells its formula
// out (store migration 0014); PostgreSQL's documents have no such key.
func (e *Engine) keyExpr() string {
	if e.st.Engine() == "postgres" {
		return "0"
	}
	return "COALESCE((SELECT sd.key FROM search_documents sd WHERE sd.kind = 1 AND sd.ref = f.id), 0)"
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
