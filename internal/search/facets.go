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

// facets counts the hits by kind, decade, genre, certification, director
// and theme. A hit counts once in each value its film carries.
func (e *Engine) facets(ctx context.Context, docs []doc) (map[string][]store.Count, error) {
	out := map[string][]store.Count{}
	kinds, decades := map[string]int{}, map[string]int{}
	perFilm := map[int64]int{}
	for _, d := range docs {
		kinds[kindNames[d.kind]]++
		if d.year > 0 && d.kind != docPerson && d.kind != docTheme {
			decades[strconv.Itoa(d.year/10*10)]++
		}
		if d.filmID != 0 {
			perFilm[d.filmID]++
		}
	}
	out[FacetKind] = sorted(kinds, false)
	out[FacetDecade] = sorted(decades, true)
	if len(perFilm) == 0 {
		return out, nil
	}
	ids := make([]string, 0, len(perFilm))
	for id := range perFilm {
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	list := strings.Join(ids, ",")
	for name, q := range facetQueries {
		counts, err := e.filmValues(ctx, fmt.Sprintf(q, list), perFilm)
		if err != nil {
			return nil, fmt.Errorf("search facet %s: %w", name, err)
		}
		out[name] = sorted(counts, false)
	}
	return out, nil
}

func (e *Engine) filmValues(ctx context.Context, q string, perFilm map[int64]int) (map[string]int, error) {
	rows, err := e.st.DB().QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var (
			id int64
			v  string
		)
		if err := rows.Scan(&id, &v); err != nil {
			return nil, err
		}
		out[v] += perFilm[id]
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
