package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// The PostgreSQL path: the same documents as the FTS5 index on SQLite,
// assembled per kind from the catalog tables through the expression
// indexes of migration 0003 (tsvector GIN for words, pg_trgm for typos).
// Each kind contributes its most popular matches; ranking is shared.
//
// Typo tolerance: when no document holds every word, names within
// trigram similarity of the whole query are fetched, and the words one
// edit from a query word in those names become its alternatives.

const pgDocs = `
(SELECT 1 AS kind, f.id AS ref, 0 AS ord, f.slug, f.title AS name, f.original_title AS alt, COALESCE(f.year, 0) AS year, f.rating_votes AS pop, f.id AS film_id
	FROM films f
	WHERE to_tsvector('simple', marquee_fold(f.title || ' ' || f.original_title)) @@ to_tsquery('simple', $1)
	   OR f.id IN (SELECT a.film_id FROM alt_titles a WHERE to_tsvector('simple', marquee_fold(a.title)) @@ to_tsquery('simple', $1))
	ORDER BY f.rating_votes DESC LIMIT $2)
UNION ALL
(SELECT 2, p.id, 0, p.slug, p.name, '', 0, p.credit_count * 200, NULL FROM people p
	WHERE to_tsvector('simple', marquee_fold(p.name)) @@ to_tsquery('simple', $1)
	ORDER BY p.credit_count DESC LIMIT $2)
UNION ALL
(SELECT 3, c.id, 0, c.slug, c.name, '', COALESCE(f.year, 0), f.rating_votes / 4, f.id FROM characters c JOIN films f ON f.id = c.film_id
	WHERE to_tsvector('simple', marquee_fold(c.name)) @@ to_tsquery('simple', $1)
	ORDER BY f.rating_votes DESC LIMIT $2)
UNION ALL
(SELECT 4, t.id, 0, t.slug, t.name, '', 0, 0, NULL FROM themes t
	WHERE to_tsvector('simple', marquee_fold(t.name)) @@ to_tsquery('simple', $1) LIMIT $2)`

const pgSections = `
UNION ALL
(SELECT 5, s.film_id, s.ord, s.kind, s.heading, '', COALESCE(f.year, 0), f.rating_votes / 2, f.id FROM dossier_sections s JOIN films f ON f.id = s.film_id
	WHERE to_tsvector('simple', marquee_fold(s.heading || ' ' || s.text)) @@ to_tsquery('simple', $1)
	ORDER BY f.rating_votes DESC LIMIT $2)`

// pgFuzzy finds names within trigram similarity of the whole query, for
// when no name holds its words (a typo).
const pgFuzzy = `
(SELECT 1 AS kind, f.id AS ref, 0 AS ord, f.slug, f.title AS name, f.original_title AS alt, COALESCE(f.year, 0) AS year, f.rating_votes AS pop, f.id AS film_id
	FROM films f WHERE marquee_fold(f.title) % $1 ORDER BY similarity(marquee_fold(f.title), $1) DESC LIMIT $2)
UNION ALL
(SELECT 2, p.id, 0, p.slug, p.name, '', 0, p.credit_count * 200, NULL FROM people p
	WHERE marquee_fold(p.name) % $1 ORDER BY similarity(marquee_fold(p.name), $1) DESC LIMIT $2)`

// tsquery is the to_tsquery text for terms: words ANDed, the one being
// typed as a prefix. Words hold only letters and digits, quoted.
func tsquery(terms []term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = "'" + t.text + "'"
		if t.prefix {
			parts[i] += ":*"
		}
	}
	return strings.Join(parts, " & ")
}

func (e *Engine) pgCandidates(ctx context.Context, p *parsed, q Query, n int, namesOnly bool) ([]doc, error) {
	for i := range p.terms {
		p.terms[i].alts = []string{p.terms[i].text}
	}
	union := pgDocs
	if !namesOnly {
		union += pgSections
	}
	docs, err := e.pgQuery(ctx, union, tsquery(p.terms), q, n)
	if err != nil || len(docs) > 0 {
		return docs, err
	}
	docs, err = e.pgQuery(ctx, pgFuzzy, strings.Join(p.words(), " "), q, n)
	if err != nil {
		return nil, err
	}
	p.correct(docs)
	return docs, nil
}

// correct takes, for each query word, the words one edit away from it in
// the names of docs (found by trigram similarity) as its alternatives, so
// that ranking sees "sean bakr" as "sean baker".
func (p *parsed) correct(docs []doc) {
	for i := range p.terms {
		t := &p.terms[i]
		near := map[string]bool{}
		for _, c := range edits1(t.text) {
			near[c] = true
		}
		var alts []string
		for _, d := range docs {
			for _, w := range tokens(d.name + " " + d.alt) {
				if near[w] && !slices.Contains(alts, w) {
					alts = append(alts, w)
				}
			}
		}
		if len(alts) > 0 {
			t.alts, t.fixed = append([]string{t.text}, alts...), true
		}
	}
}

func (e *Engine) pgQuery(ctx context.Context, union, arg string, q Query, n int) ([]doc, error) {
	cond, args := filterSQL(q, 3)
	if cond != "" {
		n *= 5 // filters apply after each kind's top matches
	}
	query := `SELECT kind * 1000000000000 + ref * 1000 + ord, kind, ref, ord, slug, name, alt, year, pop, COALESCE(film_id, 0)
		FROM (` + union + `) d WHERE true` + cond
	rows, err := e.st.DB().QueryContext(ctx, query, append([]any{arg, n}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", arg, err)
	}
	defer rows.Close()
	var out []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.kind, &d.ref, &d.ord, &d.slug, &d.name, &d.alt, &d.year, &d.pop, &d.filmID); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
