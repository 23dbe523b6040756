package search

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"marquee/internal/store"
)

// Facet names, the keys of Results.Facets.
const (
	FacetKind          = "kind"
	FacetDecade        = "decade"
	FacetGenre         = "genre"
	FacetCertification = "certification"
	FacetDirector      = "director" // person slugs
	FacetTheme         = "theme"    // theme slugs
)

// facetQueries fetch, for a set of films, (film id, value) pairs of a
// facet. The film ids are inlined: they are integers read from the index.
var facetQueries = map[string]string{
	FacetGenre:         "SELECT film_id, genre FROM film_genres WHERE film_id IN (%s)",
	FacetCertification: "SELECT id, certification FROM films WHERE id IN (%s) AND certification <> ''",
	FacetDirector: `SELECT c.film_id, p.slug FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.film_id IN (%s) AND c.role = 'director'`,
	FacetTheme: "SELECT ft.film_id, t.slug FROM film_themes ft JOIN themes t ON t.id = ft.theme_id WHERE ft.film_id IN (%s)",
}

// facets counts the hits by kind, and the films among them by decade,
// genre, certification, director and theme. Kinds count hits (a tab lists
// hits); every other facet counts films, so a film matched by its title
// and by two dossier passages counts once in each value it carries.
// It returns the counts and how many films there are.
func (e *Engine) facets(ctx context.Context, docs []doc) (map[string][]store.Count, int, error) {
	out := map[string][]store.Count{}
	kinds, decades := map[string]int{}, map[string]int{}
	films := map[int64]bool{}
	for _, d := range docs {
		kinds[kindNames[d.kind]]++
		if d.filmID == 0 || films[d.filmID] {
			continue
		}
		films[d.filmID] = true
		if d.year > 0 {
			decades[strconv.Itoa(d.year/10*10)]++
		}
	}
	out[FacetKind] = sorted(kinds, false)
	out[FacetDecade] = sorted(decades, true)
	if len(films) == 0 {
		return out, 0, nil
	}
	ids := make([]string, 0, len(films))
	for id := range films {
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	list := strings.Join(ids, ",")
	for name, q := range facetQueries {
		counts, err := e.filmValues(ctx, fmt.Sprintf(q, list))
		if err != nil {
			return nil, 0, fmt.Errorf("search facet %s: %w", name, err)
		}
		out[name] = sorted(counts, false)
	}
	return out, len(films), nil
}

// filmValues counts the films of each value q's (film id, value) rows
// name, a film once however many rows pair it with the value.
func (e *Engine) filmValues(ctx context.Context, q string) (map[string]int, error) {
	rows, err := e.st.DB().QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type pair struct {
		id int64
		v  string
	}
	seen := map[pair]bool{}
	out := map[string]int{}
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.id, &p.v); err != nil {
			return nil, err
		}
		if !seen[p] {
			seen[p] = true
			out[p.v]++
		}
	}
	return out, rows.Err()
}

// sorted lists counts most common first, or by value when byValue.
func sorted(m map[string]int, byValue bool) []store.Count {
	out := make([]store.Count, 0, len(m))
	for v, n := range m {
		out = append(out, store.Count{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if !byValue && out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
