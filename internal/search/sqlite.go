package search

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"marquee/internal/store"
)

// maxCompletions is how many words a prefix may stand for, spelled out.
const maxCompletions = 32

// docsSQL lists the documents matching the FTS5 expression $1, in key
// order (most popular first), with what ranking needs: the key names the
// kind and the row, and the row supplies the rest. A document whose row is
// gone (never, while the triggers hold) is left out.
const docsSQL = `SELECT * FROM (SELECT m.id, m.kind,
		CASE m.kind WHEN 5 THEN m.ref >> 10 ELSE m.ref END AS ref,
		CASE m.kind WHEN 5 THEN m.ref & 1023 ELSE 0 END AS ord,
		CASE m.kind WHEN 1 THEN f.slug WHEN 2 THEN p.slug WHEN 3 THEN c.slug WHEN 4 THEN t.slug ELSE s.kind END AS slug,
		CASE m.kind WHEN 1 THEN f.title WHEN 2 THEN p.name WHEN 3 THEN c.name WHEN 4 THEN t.name ELSE s.heading END AS name,
		CASE m.kind WHEN 1 THEN trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')) ELSE '' END AS alt,
		CASE WHEN m.kind IN (1, 3, 5) THEN COALESCE(f.year, 0) ELSE 0 END AS year,
		CASE m.kind WHEN 1 THEN f.rating_votes WHEN 2 THEN p.credit_count * 200 WHEN 3 THEN f.rating_votes / 4
			WHEN 4 THEN 1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id) ELSE f.rating_votes / 2 END AS pop,
		CASE WHEN m.kind IN (1, 3, 5) THEN f.id ELSE 0 END AS film_id
	FROM (SELECT rowid AS id, (rowid >> 37) & 7 AS kind, rowid & 137438953471 AS ref FROM search_fts WHERE search_fts MATCH $1) m
	LEFT JOIN people p ON m.kind = 2 AND p.id = m.ref
	LEFT JOIN characters c ON m.kind = 3 AND c.id = m.ref
	LEFT JOIN themes t ON m.kind = 4 AND t.id = m.ref
	LEFT JOIN dossier_sections s ON m.kind = 5 AND s.film_id = m.ref >> 10 AND s.ord = m.ref & 1023
	LEFT JOIN films f ON f.id = CASE m.kind WHEN 1 THEN m.ref WHEN 3 THEN c.film_id WHEN 5 THEN m.ref >> 10 END
) d WHERE d.slug IS NOT NULL`

// filterSQL turns a query's filters into conditions on the documents d,
// numbering placeholders from next. Film filters keep only documents of
// a film (films, characters, dossier sections) that passes them.
func filterSQL(q Query, next int) (string, []any) {
	var (
		b    strings.Builder
		args []any
	)
	add := func(cond string, v any) {
		args = append(args, v)
		b.WriteString(" AND " + strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", next+len(args)-1)))
	}
	if q.Kind != "" {
		add("d.kind = ?", kindCodes[q.Kind])
	}
	conds, fargs := store.FilterSQL(q.Filter, store.FilterColumns{FilmID: "d.film_id", Year: "d.year"}, next+len(args))
	for _, c := range conds {
		b.WriteString(" AND " + c)
	}
	args = append(args, fargs...)
	return b.String(), args
}

// sqliteMatch returns up to n documents matching the FTS5 expression
// expr and the filters. There is no ORDER BY: FTS5 yields matches in
// rowid order, which Rebuild made popularity order, so the scan stops
// after the n most popular matches instead of ranking every one.
func (e *Engine) sqliteMatch(ctx context.Context, expr string, q Query, extra string, n int) ([]doc, error) {
	cond, args := filterSQL(q, 2)
	args = append([]any{expr}, args...)
	args = append(args, n)
	query := docsSQL + cond + extra + fmt.Sprintf(" LIMIT $%d", len(args))
	rows, err := e.st.DB().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", expr, err)
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

// sqliteCandidates gathers the documents worth ranking: the most popular
// matches of every word, and, when those fill the budget, the most
// popular names that begin with the query, so that an exact or prefix
// match is not crowded out by popular documents that merely hold the words.
func (e *Engine) sqliteCandidates(ctx context.Context, p *parsed, q Query, n int, namesOnly bool) ([]doc, error) {
	columns := []string{"name", "alt", "body"}
	extra := ""
	if namesOnly {
		columns = []string{"name", "alt"}
		extra = fmt.Sprintf(" AND d.kind <> %d", docSection)
	}
	expr := matchExpr(p.terms, columns)
	docs, err := e.sqliteMatch(ctx, expr, q, extra, n)
	if err != nil || len(docs) < n {
		return p.keepLoose(docs), err
	}
	more, err := e.sqliteMatch(ctx, startExpr(p.terms), q, extra, max(n/3, 8))
	if err != nil {
		return nil, err
	}
	docs = merge(docs, more)
	if p.year != 0 {
		// "title year": the film of that year, however obscure.
		yearExpr := fmt.Sprintf(`%s AND {tag} : "y%d"`, expr, p.year)
		more, err = e.sqliteMatch(ctx, yearExpr, q, extra, max(n/6, 8))
		if err != nil {
			return nil, err
		}
		docs = merge(docs, more)
	}
	return p.keepLoose(docs), nil
}

// merge appends to docs those of more it does not hold yet.
func merge(docs, more []doc) []doc {
	seen := make(map[int64]bool, len(docs))
	for _, d := range docs {
		seen[d.id] = true
	}
	for _, d := range more {
		if !seen[d.id] {
			seen[d.id] = true
			docs = append(docs, d)
		}
	}
	return docs
}

// sqliteExpand decides, for each query word, which words of the index it
// stands for: itself when the index holds it (or, for the word being
// typed, a word it begins); otherwise its one-edit neighbours that the
// index holds, the commonest few — "bakr" → "baker". Neighbours are
// looked up in the vocabulary held in memory; a word missing from it is
// checked in the index itself before it is taken for a typo, since it
// may have been added after the vocabulary was loaded.
func (e *Engine) sqliteExpand(ctx context.Context, p *parsed) error {
	v, err := e.vocab.get(ctx, e)
	if err != nil {
		return err
	}
	for i := range p.terms {
		t := &p.terms[i]
		t.alts = []string{t.text}
		if t.prefix && !t.loose && len(t.text) >= 5 {
			// Shorter prefixes have prefix indexes of their own.
			// The word itself stays in, in case it is newer than the vocabulary.
			if c := v.completions(t.text, maxCompletions); c != nil && c[0] != t.text {
				t.completions = append([]string{t.text}, c...)
			} else {
				t.completions = c
			}
		}
		if t.loose || v.count(t.text) > 0 || (t.prefix && v.hasPrefix(t.text)) {
			continue
		}
		ok, err := e.indexHas(ctx, t)
		if err != nil {
			return err
		}
		if ok {
			continue
		}
		counts := map[string]int{}
		for _, c := range edits1(t.text) {
			if n := v.count(c); n > 0 {
				counts[c] = n
			}
		}
		if alts := commonest(counts, 3); len(alts) > 0 {
			t.alts, t.fixed = alts, true
		}
	}
	return nil
}

// sqliteWiden adds to each known word of four letters or more its
// one-edit neighbours in the vocabulary, the commonest few, and reports
// whether any word gained one.
func (e *Engine) sqliteWiden(ctx context.Context, p *parsed) (bool, error) {
	v, err := e.vocab.get(ctx, e)
	if err != nil {
		return false, err
	}
	widened := false
	for i := range p.terms {
		t := &p.terms[i]
		if t.fixed || t.loose || t.completions != nil {
			continue
		}
		counts := map[string]int{}
		for _, c := range edits1(t.text) {
			if n := v.count(c); n > 0 {
				counts[c] = n
			}
		}
		if alts := commonest(counts, 3); len(alts) > 0 {
			t.alts, t.fixed, widened = append([]string{t.text}, alts...), true, true
		}
	}
	return widened, nil
}

// indexHas reports whether the index holds the term (as a prefix, for the
// word being typed).
func (e *Engine) indexHas(ctx context.Context, t *term) (bool, error) {
	expr := ftsPhrase(t.text)
	if t.prefix {
		expr += " *"
	}
	var one int
	err := e.st.DB().QueryRowContext(ctx, "SELECT 1 FROM search_fts WHERE search_fts MATCH $1 LIMIT 1", expr).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("search %q: %w", expr, err)
	}
	return true, nil
}

// commonest returns up to n words of counts, most documents first.
func commonest(counts map[string]int, n int) []string {
	out := make([]string, 0, len(counts))
	for w, c := range counts {
		if c > 0 {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	return out[:min(n, len(out))]
}

// edits1 returns the words one edit (deletion, transposition,
// substitution, insertion of a-z or 0-9) from w. Only ASCII words of four
// letters or more have typos forgiven: shorter ones have too many
// neighbours to guess from.
func edits1(w string) []string {
	if len(w) < 4 || len(w) > 24 {
		return nil
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return nil
		}
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	seen := map[string]bool{w: true}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := 0; i <= len(w); i++ {
		if i < len(w) {
			add(w[:i] + w[i+1:])
			if i+1 < len(w) {
				add(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:])
			}
		}
		for j := 0; j < len(alphabet); j++ {
			c := string(alphabet[j])
			if i < len(w) {
				add(w[:i] + c + w[i+1:])
			}
			add(w[:i] + c + w[i:])
		}
	}
	return out
}
