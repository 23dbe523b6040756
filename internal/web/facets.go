package web

import (
	"context"
	"net/http"

	"marquee/internal/search"
	"marquee/internal/store"
)

// facetGroup is one dimension of a list's facets as a page shows it: each
// option a link that adds it to the filters already chosen (or, for the
// chosen one, removes it), with the films it would leave.
type facetGroup struct {
	Name    string // the query parameter
	Label   string // "Genre"
	Sampled bool   // counted over store.FacetSample films, not all
	Options []facetOption
}

type facetOption struct {
	Label   string
	Count   int
	URL     string
	Current bool
}

var facetLabels = map[string]string{
	store.FacetGenre: "Genre", store.FacetDecade: "Decade", store.FacetCountry: "Country",
	store.FacetCertification: "Certification", store.FacetTheme: "Theme", store.FacetDirector: "Director",
}

// filmFacets builds the facet panel of /films from the store's counts,
// leaving out a dimension whose one option would leave the total films
// the list has: choosing it would change nothing.
func filmFacets(r *http.Request, fs []store.Facet, total int) []facetGroup {
	var out []facetGroup
	for _, fc := range fs {
		g := facetGroup{Name: fc.Name, Label: facetLabels[fc.Name], Sampled: fc.Sampled}
		for _, v := range fc.Values {
			g.Options = append(g.Options, facetLink(r, fc.Name, v.Value, v.Label, v.Count))
		}
		if len(g.Options) > 1 || (len(g.Options) == 1 && (g.Options[0].Current || g.Options[0].Count != total)) {
			out = append(out, g)
		}
	}
	return out
}

// facetLink is the option value of parameter name: current when the
// request already sets it, and then its link takes it away.
func facetLink(r *http.Request, name, value, label string, n int) facetOption {
	o := facetOption{Label: label, Count: n}
	if r.URL.Query().Get(name) == value {
		o.Current, o.URL = true, withParam(r, name, "")
	} else {
		o.URL = withParam(r, name, value)
	}
	return o
}

// searchFacets builds the search page's facet panel from the engine's
// counts (the kinds are the tabs), naming people and themes. Options that
// every hit has are left out (choosing one would change nothing), and so
// is a dimension left with none.
func (s *Server) searchFacets(ctx context.Context, r *http.Request, res *search.Results) ([]facetGroup, error) {
	var slugs []string
	for _, c := range res.Facets[search.FacetDirector] {
		slugs = append(slugs, c.Value)
	}
	people, err := s.store.NamesBySlug(ctx, "people", slugs)
	if err != nil {
		return nil, err
	}
	slugs = slugs[:0]
	for _, c := range res.Facets[search.FacetTheme] {
		slugs = append(slugs, c.Value)
	}
	themes, err := s.store.NamesBySlug(ctx, "themes", slugs)
	if err != nil {
		return nil, err
	}
	names := map[string]map[string]string{search.FacetDirector: people, search.FacetTheme: themes}
	var out []facetGroup
	for _, name := range []string{search.FacetGenre, search.FacetDecade, search.FacetCertification, search.FacetTheme, search.FacetDirector} {
		g := facetGroup{Name: name, Label: facetLabels[name]}
		for i, c := range res.Facets[name] {
			if i == 10 {
				break
			}
			label := c.Value
			if name == search.FacetDecade {
				label += "s"
			} else if n := names[name][c.Value]; n != "" {
				label = n
			}
			o := facetLink(r, name, c.Value, label, c.Count)
			if o.Current || res.Narrows(c) {
				// An option every hit has would narrow nothing.
				g.Options = append(g.Options, o)
			}
		}
		if len(g.Options) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}
