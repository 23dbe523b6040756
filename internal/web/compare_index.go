package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"marquee/internal/film"
	"marquee/internal/search"
)

// compareIndex serves /compare: a form with two boxes, each taking a film's
// slug (what the suggest box fills in) or words of its title. When both
// name a film it redirects to /compare/{a}/{b}; otherwise it shows the form
// again with the films each box could mean, as links.
func (s *Server) compareIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := &compareFormPage{Boxes: [2]compareChoice{{Name: "a", Label: "First film"}, {Name: "b", Label: "Second film"}}}
	for i := range p.Boxes {
		v, err := textParam(r, p.Boxes[i].Name, 200)
		if err != nil {
			return err
		}
		p.Boxes[i].Value = v
	}
	a, b := &p.Boxes[0], &p.Boxes[1]
	if a.Value != "" || b.Value != "" {
		for _, c := range []*compareChoice{a, b} {
			if c.Value == "" {
				continue
			}
			other := b
			if c == b {
				other = a
			}
			if err := s.pickFilm(ctx, c, other); err != nil {
				return err
			}
		}
		if a.Slug != "" && b.Slug != "" {
			http.Redirect(w, r, "/compare/"+a.Slug+"/"+b.Slug, http.StatusSeeOther)
			return nil
		}
	}
	p.Base = s.newBase(r, "Compare two films", "Set two films side by side: facts, cast and dossiers.")
	p.Query = ""
	p.NoIndex = a.Value != "" || b.Value != ""
	s.render(w, r, http.StatusOK, "compareform", p)
	return nil
}

// pickFilm resolves a box of the compare form (see filmByName); when it
// names no one film it lists the candidates, each linking to the form with
// that film chosen and the other box kept.
func (s *Server) pickFilm(ctx context.Context, c, other *compareChoice) error {
	slug, hits, err := s.filmByName(ctx, c.Value)
	if err != nil || slug != "" {
		c.Slug = slug
		return err
	}
	for _, h := range hits {
		q := url.Values{c.Name: {h.Slug}}
		if other.Value != "" {
			q.Set(other.Name, other.Value)
		}
		c.Options = append(c.Options, compareOption{Title: h.Title, Year: h.Year, URL: "/compare?" + q.Encode()})
	}
	return nil
}

// filmByName finds the film a form box names, as typed without the
// suggest box's help: a film's slug or address, else the only film search
// finds, else the one exactly so titled. Otherwise it returns no slug and
// the candidates (none when nothing matches).
func (s *Server) filmByName(ctx context.Context, v string) (string, []search.Result, error) {
	v = strings.TrimPrefix(strings.TrimSpace(v), "/films/")
	if f, err := s.store.GetFilm(ctx, v); err == nil {
		return f.Slug, nil, nil
	} else if !isNotFound(err) {
		return "", nil, err
	}
	res, err := s.search.Search(ctx, search.Query{Text: v, Kind: search.KindFilm, Limit: 8})
	if err != nil {
		return "", nil, err
	}
	hits := res.Results
	if len(hits) == 1 || (len(hits) > 0 && film.Slugify(hits[0].Title) == film.Slugify(v) && (len(hits) == 1 || film.Slugify(hits[1].Title) != film.Slugify(v))) {
		return hits[0].Slug, nil, nil
	}
	return "", hits, nil
}
