package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
)

// neighbourThemes bounds the themes drawn around a theme.
const neighbourThemes = 16

func (s *Server) themeShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	t, err := s.store.GetTheme(ctx, slug)
	if errors.Is(err, film.ErrNotFound) {
		// A merged theme's old address leads to the theme it joined.
		if to, rerr := s.store.ThemeRedirect(ctx, slug); rerr == nil {
			http.Redirect(w, r, "/themes/"+to, http.StatusMovedPermanently)
			return nil
		}
	}
	if err != nil {
		return err
	}
	p, err := s.loadThemePage(r, t)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "theme", p)
	return nil
}

// loadThemePage reads what the page of theme t shows, with the editors'
// forms when the reader is an editor.
func (s *Server) loadThemePage(r *http.Request, t *film.Theme) (*themePage, error) {
	ctx := r.Context()
	slug := t.Slug
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return nil, err
	}
	p := &themePage{Theme: t, Page: pg, First: (pg-1)*pageSize + 1, Editor: s.viewerOf(r).IsEditor()}
	if p.Films, p.Total, err = s.store.ThemeFilms(ctx, slug, pageSize, (pg-1)*pageSize); err != nil {
		return nil, err
	}
	if pages := max((p.Total+pageSize-1)/pageSize, 1); pg > pages && pg > 1 {
		return nil, &badRequest{Param: "page", Reason: "is past the last page (" + itoa(pages) + ")"}
	} else if pg < pages {
		p.NextURL = withParam(r, "page", itoa(pg+1))
	}
	if pg > 1 {
		p.PrevURL = withParam(r, "page", pageValue(pg-1))
	}
	nodes, edges, err := s.store.ThemeGraph(ctx, slug, neighbourThemes)
	if err != nil {
		return nil, err
	}
	for _, e := range edges {
		other := -1
		switch {
		case nodes[e.A].Slug == slug:
			other = e.B
		case nodes[e.B].Slug == slug:
			other = e.A
		}
		if other >= 0 {
			p.Neighbours = append(p.Neighbours, themeNeighbour{Slug: nodes[other].Slug, Name: nodes[other].Name, Shared: e.Shared})
		}
	}
	if len(nodes) > 1 {
		p.Graph = themeGraph("theme-graph", t.Name+" and the themes it shares films with", nodes, edges, slug)
	}
	p.Summary = themeSummary(t, p.Total, p.Films, p.Neighbours)
	p.Base = s.newBase(r, t.Name, p.Summary)
	if pg > 1 {
		p.Canonical += "?page=" + itoa(pg)
	}
	return p, nil
}

// themeSummary describes a theme from its facts: how many films carry it,
// which carries it most strongly, and what it is found with.
func themeSummary(t *film.Theme, total int, films []store.RankedFilm, ns []themeNeighbour) string {
	if total == 0 {
		return fmt.Sprintf("No film in the catalog carries the %s %s yet.", string(t.Kind), t.Name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s is a %s of %d %s in the catalog", t.Name, t.Kind, total, pluralWord(total, "film", "films"))
	if len(films) > 0 {
		f := films[0]
		fmt.Fprintf(&b, ", most strongly %s", f.Title)
		if f.Year != 0 {
			fmt.Fprintf(&b, " (%d)", f.Year)
		}
	}
	b.WriteString(".")
	if len(ns) > 0 {
		var names []string
		for i, n := range ns {
			if i == 3 {
				break
			}
			names = append(names, n.Name)
		}
		fmt.Fprintf(&b, " It is most often found with %s.", andList(names))
	}
	return b.String()
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
