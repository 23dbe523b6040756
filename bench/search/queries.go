package main

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"marquee/internal/store"
)

// query is one benchmark query and its category.
type query struct {
	cat, text string
	want      string // the title or name that should come first ("" for common words)
}

// querySet draws a fixed (seeded) set of about 200 queries from the
// catalog: exact, prefix, typo and title-year titles; exact, prefix and
// typo names; and the commonest title words alone and in pairs.
func querySet(ctx context.Context, st *store.Store) ([]query, error) {
	r := rand.New(rand.NewPCG(7, 11))
	db := st.DB()
	var maxFilm, maxPerson int64
	if err := db.QueryRowContext(ctx, "SELECT MAX(id) FROM films").Scan(&maxFilm); err != nil {
		return nil, err
	}
	if err := db.QueryRowContext(ctx, "SELECT MAX(id) FROM people").Scan(&maxPerson); err != nil {
		return nil, err
	}
	popular, err := strs(ctx, db, "SELECT title || char(9) || year FROM films ORDER BY rating_votes DESC LIMIT 20")
	if err != nil {
		return nil, err
	}
	randomFilms, err := sample(ctx, db, r, "SELECT title || char(9) || year FROM films WHERE id = $1", maxFilm, 60)
	if err != nil {
		return nil, err
	}
	famous, err := strs(ctx, db, "SELECT name FROM people ORDER BY credit_count DESC LIMIT 15")
	if err != nil {
		return nil, err
	}
	randomPeople, err := sample(ctx, db, r, "SELECT name FROM people WHERE id = $1", maxPerson, 45)
	if err != nil {
		return nil, err
	}
	var qs []query
	titleOf := func(s string) (string, string) { t, y, _ := strings.Cut(s, "\t"); return t, y }
	for _, s := range popular {
		t, _ := titleOf(s)
		qs = append(qs, query{"title exact", t, t})
	}
	for i, s := range randomFilms {
		t, y := titleOf(s)
		switch i % 3 {
		case 0:
			qs = append(qs, query{"title exact", t, t}, query{"title year", t + " " + y, t + " " + y})
		case 1:
			qs = append(qs, query{"title prefix", prefixOf(t), ""})
		default:
			qs = append(qs, query{"title typo", typo(r, t), t})
		}
	}
	for _, n := range famous {
		qs = append(qs, query{"name exact", n, n})
	}
	for i, n := range randomPeople {
		switch i % 3 {
		case 0:
			qs = append(qs, query{"name exact", n, n})
		case 1:
			qs = append(qs, query{"name prefix", prefixOf(n), ""})
		default:
			qs = append(qs, query{"name typo", typo(r, n), n})
		}
	}
	common, err := commonWords(ctx, db, 20)
	if err != nil {
		return nil, err
	}
	for i, w := range common {
		qs = append(qs, query{"common word", w, ""})
		if i%2 == 1 {
			qs = append(qs, query{"common pair", common[i-1] + " " + w, ""})
		}
	}
	return qs, nil
}

func strs(ctx context.Context, db *sql.DB, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func sample(ctx context.Context, db *sql.DB, r *rand.Rand, q string, maxID int64, n int) ([]string, error) {
	var out []string
	for len(out) < n {
		got, err := strs(ctx, db, q, 1+r.Int64N(maxID))
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// commonWords returns the n commonest words of a sample of titles.
func commonWords(ctx context.Context, db *sql.DB, n int) ([]string, error) {
	titles, err := strs(ctx, db, "SELECT title FROM films WHERE id % 50 = 0")
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, t := range titles {
		for _, w := range words(t) {
			counts[w]++
		}
	}
	var ws []string
	for w := range counts {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool {
		return counts[ws[i]] > counts[ws[j]] || counts[ws[i]] == counts[ws[j]] && ws[i] < ws[j]
	})
	return ws[:min(n, len(ws))], nil
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// prefixOf keeps the first word and three letters of the second (or
// four letters of a single word): what a reader has typed so far.
func prefixOf(s string) string {
	ws := strings.Fields(s)
	if len(ws) > 1 {
		return ws[0] + " " + ws[1][:min(3, len(ws[1]))]
	}
	return s[:min(4, len(s))]
}

// typo makes one edit (swap, drop or double a letter) in the longest word.
func typo(r *rand.Rand, s string) string {
	ws := strings.Fields(s)
	li := 0
	for i, w := range ws {
		if len(w) > len(ws[li]) {
			li = i
		}
	}
	w := ws[li]
	if len(w) < 5 {
		return s
	}
	i := 1 + r.IntN(len(w)-2)
	switch r.IntN(3) {
	case 0:
		w = w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]
	case 1:
		w = w[:i] + w[i+1:]
	default:
		w = w[:i] + string(w[i]) + w[i:]
	}
	ws[li] = w
	return strings.Join(ws, " ")
}

// baselineExpr is the bare FTS5 expression for a query's words: all of
// them, the last as a prefix, no typo expansion.
func baselineExpr(q string) string {
	ws := words(q)
	for i, w := range ws {
		ws[i] = `"` + w + `"`
	}
	if len(ws) > 0 && len(words(q)[len(ws)-1]) >= 2 {
		ws[len(ws)-1] += " *"
	}
	return strings.Join(ws, " ")
}
