package store

import (
	"fmt"
	"strings"
)

// decadePageMax bounds the rows a decade page may read per year: a page
// whose offset + limit is past it falls back to the plain query (a deep
// page of one decade reads the decade and sorts it, as before).
const decadePageMax = 1000

// decadeSorts are the orders a decade page can merge from its years: each
// year's films come out of films_year_title in (title, id) order, which is
// both orders restricted to one year.
var decadeSorts = map[string]bool{"": true, "title": true, "year": true}

// decadePage is the bounded plan of a page of films f selects when f sets
// a decade (and no single year) and sorts by title or year: for each year
// of the decade, the first offset+limit matching films in title order,
// read from the films_year_title index with the other conditions tested
// per row; those at most 10 × (offset+limit) rows are merged in the page's
// order. ok is false when the plan does not apply.
func decadePage(f FilmFilter, limit int) (q string, args []any, ok bool) {
	n := max(f.Offset, 0) + limit
	if f.Decade == 0 || f.Year != 0 || !decadeSorts[f.Sort] || n > decadePageMax {
		return "", nil, false
	}
	branches := make([]string, 0, 10)
	for y := f.Decade; y < f.Decade+10; y++ {
		g := f.Filter
		g.Decade, g.Year = 0, y
		where, a := FilterSQL(g, FilterColumns{FilmID: "f.id", Film: "f"}, len(args)+1)
		args = append(args, a...)
		args = append(args, n)
		branches = append(branches, fmt.Sprintf(
			"SELECT * FROM (SELECT f.id, f.title, f.year FROM films f WHERE %s ORDER BY f.title, f.id LIMIT $%d) y%d",
			strings.Join(where, " AND "), len(args), y-f.Decade))
	}
	order := strings.NewReplacer("f.", "m.").Replace(filmOrder(f.Sort))
	args = append(args, limit, max(f.Offset, 0))
	q = fmt.Sprintf("SELECT %s FROM (SELECT m.id, m.title, m.year FROM (%s) m ORDER BY %s LIMIT $%d OFFSET $%d) m JOIN films f ON f.id = m.id ORDER BY %s",
		filmColumns, strings.Join(branches, " UNION ALL "), order, len(args)-1, len(args), order)
	return q, args, true
}
