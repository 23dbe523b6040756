package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// Facet dimensions of a film list, the keys of FilmFacets' answer and the
// query parameters that set them.
const (
	FacetGenre         = "genre"
	FacetDecade        = "decade"
	FacetCountry       = "country"
	FacetCertification = "certification"
	FacetTheme         = "theme"
	FacetDirector      = "director"
)

// FacetDimensions lists the dimensions in the order pages show them.
var FacetDimensions = []string{FacetGenre, FacetDecade, FacetCountry, FacetCertification, FacetTheme, FacetDirector}

// FacetSample is how many matching films a facet counts at most. A filter
// that selects more is counted over the first FacetSample films it
// selects (in whatever order the index yields them), and the facet says
// so (Sampled), so a page on a million-film catalog reads a bounded
// number of rows however broad its filter.
const FacetSample = 2000

// FacetValue is one option of a facet: the parameter value that selects
// it, what a page shows, and how many films it would leave.
type FacetValue struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Facet is one dimension's options, most films first.
type Facet struct {
	Name    string       `json:"name"`
	Values  []FacetValue `json:"values"`
	Sampled bool         `json:"sampled"` // counted over FacetSample of the films, not all
}

// FilmFacets counts, for each dimension of FacetDimensions, the films f
// selects once that dimension's own value is set aside (so a page can
// offer the other genres beside the chosen one), keeping the top values
// of each, at most limit. A value f sets is always among them. total is
// how many films f selects (the list's count), which tells whether the
// dimensions f does not set are sampled; those share their reads.
func (s *Store) FilmFacets(ctx context.Context, f film.Filter, total, limit int) ([]Facet, error) {
	limit = min(max(limit, 1), 50)
	type job struct {
		filter  film.Filter
		dims    []string
		sampled bool
	}
	jobs := []*job{{filter: f, sampled: total > FacetSample}}
	for _, dim := range FacetDimensions {
		g := f
		c := facetValue(&g, dim)
		if c.value == "" {
			jobs[0].dims = append(jobs[0].dims, dim)
			continue
		}
		*c.field = ""
		if dim == FacetDecade {
			g.Decade = 0
		}
		n, err := s.sampleSize(ctx, g)
		if err != nil {
			return nil, fmt.Errorf("facet %s: %w", dim, err)
		}
		jobs = append(jobs, &job{filter: g, dims: []string{dim}, sampled: n > FacetSample})
	}
	byDim := map[string]Facet{}
	for _, j := range jobs {
		counts, labels, err := s.facetCounts(ctx, j.filter, j.dims)
		if err != nil {
			return nil, err
		}
		for _, dim := range j.dims {
			byDim[dim] = topValues(dim, counts[dim], labels[dim], facetValue(&f, dim).value, limit, j.sampled)
		}
	}
	out := make([]Facet, 0, len(FacetDimensions))
	for _, dim := range FacetDimensions {
		out = append(out, byDim[dim])
	}
	return out, nil
}

// facetSample is the sample's subquery: the first FacetSample films the
// conditions select, with the given columns of films f. (Joins ask for
// the id alone, which an index can answer without reading the films.)
func facetSample(f film.Filter, cols string) (string, []any) {
	where, args := filmWhere(FilmFilter{Filter: f})
	args = append(args, FacetSample)
	return fmt.Sprintf("SELECT %s FROM films f WHERE %s LIMIT $%d", cols, strings.Join(where, " AND "), len(args)), args
}

// sampleSize counts the films f selects, up to FacetSample+1.
func (s *Store) sampleSize(ctx context.Context, f film.Filter) (int, error) {
	q, args := facetSample(f, "f.id")
	args[len(args)-1] = FacetSample + 1
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM ("+q+") m", args...).Scan(&n)
	return n, err
}

// joinSQL reads (value, label) pairs of the dimensions kept in other
// tables for the sampled films m; %s is the sample's subquery.
var joinSQL = map[string]string{
	FacetGenre: `SELECT g.genre, g.genre FROM (%s) m JOIN film_genres g ON g.film_id = m.id`,
	FacetTheme: `SELECT t.slug, t.name FROM (%s) m JOIN film_themes ft ON ft.film_id = m.id JOIN themes t ON t.id = ft.theme_id`,
	FacetDirector: `SELECT p.slug, p.name FROM (%s) m JOIN credits c ON c.film_id = m.id AND c.role = 'director'
		JOIN people p ON p.id = c.person_id`,
}

// facetCounts counts the values of dims over f's sample: the film's own
// columns (decade, country, certification) in one read, each other
// dimension in one join.
func (s *Store) facetCounts(ctx context.Context, f film.Filter, dims []string) (map[string]map[string]int, map[string]map[string]string, error) {
	counts, labels := map[string]map[string]int{}, map[string]map[string]string{}
	sample, args := facetSample(f, "f.id")
	own := false
	for _, dim := range dims {
		counts[dim], labels[dim] = map[string]int{}, map[string]string{}
		if q, ok := joinSQL[dim]; ok {
			if err := s.joinCounts(ctx, fmt.Sprintf(q, sample), args, counts[dim], labels[dim]); err != nil {
				return nil, nil, fmt.Errorf("facet %s: %w", dim, err)
			}
		} else {
			own = true
		}
	}
	if !own {
		return counts, labels, nil
	}
	sample, args = facetSample(f, "COALESCE(f.year, 0) AS year, f.countries, f.certification")
	rows, err := s.read.QueryContext(ctx, "SELECT m.year, m.countries, m.certification FROM ("+sample+") m", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("facets of films: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			year            int
			countries, cert string
		)
		if err := rows.Scan(&year, &countries, &cert); err != nil {
			return nil, nil, fmt.Errorf("facets of films: %w", err)
		}
		if c := counts[FacetDecade]; c != nil && year > 0 {
			c[strconv.Itoa(year/10*10)]++
		}
		if c := counts[FacetCertification]; c != nil && cert != "" {
			c[cert]++
		}
		if c := counts[FacetCountry]; c != nil && countries != "" {
			for _, v := range strings.Split(countries, ",") {
				if v = strings.TrimSpace(v); v != "" {
					c[v]++
				}
			}
		}
	}
	return counts, labels, rows.Err()
}

func (s *Store) joinCounts(ctx context.Context, q string, args []any, counts map[string]int, labels map[string]string) error {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v, label string
		if err := rows.Scan(&v, &label); err != nil {
			return err
		}
		counts[v]++
		labels[v] = label
	}
	return rows.Err()
}

// topValues orders a dimension's counts, most films first (decades by
// date), keeping limit of them and the chosen value.
func topValues(dim string, counts map[string]int, labels map[string]string, chosen string, limit int, sampled bool) Facet {
	fc := Facet{Name: dim, Values: []FacetValue{}, Sampled: sampled}
	for v, c := range counts {
		fc.Values = append(fc.Values, FacetValue{Value: v, Label: facetLabel(dim, v, labels[v]), Count: c})
	}
	sort.Slice(fc.Values, func(i, j int) bool {
		a, b := fc.Values[i], fc.Values[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Value < b.Value
	})
	keep := fc.Values[:min(limit, len(fc.Values))]
	if chosen != "" && !containsValue(keep, chosen) {
		for _, v := range fc.Values[len(keep):] {
			if v.Value == chosen {
				keep = append(keep, v)
			}
		}
	}
	fc.Values = keep
	if dim == FacetDecade {
		sort.Slice(fc.Values, func(i, j int) bool { return fc.Values[i].Value < fc.Values[j].Value })
	}
	return fc
}

// chosenValue is the filter field of one dimension and the value it held.
type chosenValue struct {
	field *string
	value string
}

// facetValue finds the field of f that dim sets; the decade, an int, is
// reported through a scratch string.
func facetValue(f *film.Filter, dim string) chosenValue {
	var field *string
	switch dim {
	case FacetGenre:
		field = &f.Genre
	case FacetCountry:
		field = &f.Country
	case FacetCertification:
		field = &f.Certification
	case FacetTheme:
		field = &f.Theme
	case FacetDirector:
		field = &f.Director
	default:
		v := ""
		if f.Decade != 0 {
			v = strconv.Itoa(f.Decade)
		}
		return chosenValue{field: new(string), value: v}
	}
	return chosenValue{field: field, value: *field}
}

func facetLabel(dim, value, label string) string {
	switch {
	case dim == FacetDecade:
		return value + "s"
	case label == "":
		return value
	}
	return label
}

func containsValue(vs []FacetValue, v string) bool {
	for _, x := range vs {
		if x.Value == v {
			return true
		}
	}
	return false
}
