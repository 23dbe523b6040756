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
const FacetSample = 10000

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
// of each, at most limit. A value f sets is always among them.
func (s *Store) FilmFacets(ctx context.Context, f film.Filter, limit int) ([]Facet, error) {
	limit = min(max(limit, 1), 50)
	out := make([]Facet, 0, len(FacetDimensions))
	for _, dim := range FacetDimensions {
		fc, err := s.facet(ctx, dim, f, limit)
		if err != nil {
			return nil, fmt.Errorf("facet %s: %w", dim, err)
		}
		out = append(out, fc)
	}
	return out, nil
}

// facetSQL reads (value, label) pairs of one dimension for the sampled
// films m; %s is the sample's subquery.
var facetSQL = map[string]string{
	FacetGenre:         `SELECT g.genre, g.genre FROM (%s) m JOIN film_genres g ON g.film_id = m.id`,
	FacetDecade:        `SELECT CAST((m.year / 10) * 10 AS TEXT), '' FROM (%s) m WHERE m.year > 0`,
	FacetCountry:       `SELECT m.countries, '' FROM (%s) m WHERE m.countries <> ''`,
	FacetCertification: `SELECT m.certification, m.certification FROM (%s) m WHERE m.certification <> ''`,
	FacetTheme:         `SELECT t.slug, t.name FROM (%s) m JOIN film_themes ft ON ft.film_id = m.id JOIN themes t ON t.id = ft.theme_id`,
	FacetDirector: `SELECT p.slug, p.name FROM (%s) m JOIN credits c ON c.film_id = m.id AND c.role = 'director'
		JOIN people p ON p.id = c.person_id`,
}

func (s *Store) facet(ctx context.Context, dim string, f film.Filter, limit int) (Facet, error) {
	fc := Facet{Name: dim, Values: []FacetValue{}}
	chosen := facetValue(&f, dim)
	*chosen.field = ""
	if dim == FacetDecade {
		f.Decade = 0
	}
	where, args := filmWhere(FilmFilter{Filter: f})
	args = append(args, FacetSample+1)
	sample := fmt.Sprintf("SELECT f.id, f.year, f.countries, f.certification FROM films f WHERE %s LIMIT $%d", strings.Join(where, " AND "), len(args))
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM ("+sample+") m", args...).Scan(&n); err != nil {
		return fc, err
	}
	if n > FacetSample {
		fc.Sampled = true
		args[len(args)-1] = FacetSample
	}
	rows, err := s.read.QueryContext(ctx, fmt.Sprintf(facetSQL[dim], sample), args...)
	if err != nil {
		return fc, err
	}
	defer rows.Close()
	counts, labels := map[string]int{}, map[string]string{}
	for rows.Next() {
		var v, label string
		if err := rows.Scan(&v, &label); err != nil {
			return fc, err
		}
		if dim == FacetCountry {
			for _, c := range strings.Split(v, ",") {
				if c = strings.TrimSpace(c); c != "" {
					counts[c]++
				}
			}
			continue
		}
		counts[v]++
		labels[v] = label
	}
	if err := rows.Err(); err != nil {
		return fc, err
	}
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
	if chosen.value != "" && !containsValue(keep, chosen.value) {
		for _, v := range fc.Values[len(keep):] {
			if v.Value == chosen.value {
				keep = append(keep, v)
			}
		}
	}
	fc.Values = keep
	if dim == FacetDecade {
		sort.Slice(fc.Values, func(i, j int) bool { return fc.Values[i].Value < fc.Values[j].Value })
	}
	return fc, nil
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
