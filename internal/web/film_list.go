package web

import (
	"context"
	"marquee/internal/httpx"
	"net/http"
	"strings"

	"marquee/internal/store"
)

// filmList serves /films: every film, narrowed by year, decade, genre,
// certification, theme or director, sorted and paginated.
func (s *Server) filmList(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := httpx.FilmFilter(r)
	if err != nil {
		return err
	}
	switch f.Sort = r.URL.Query().Get("sort"); f.Sort {
	case "", "title", "year", "popular":
	default:
		return &badRequest{Param: "sort", Reason: "must be title, year or popular"}
	}
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return err
	}
	list, err := s.listFilms(ctx, r, f, pg)
	if err != nil {
		return err
	}
	p := &filmListPage{List: list, Sort: f.Sort, Heading: "Films"}
	if p.Sort == "" {
		p.Sort = "title"
	}
	p.SortURL = map[string]string{}
	for _, k := range []string{"title", "year", "popular"} {
		p.SortURL[k] = withParam(r, "sort", k)
	}
	var parts []string
	for _, c := range list.Filters {
		parts = append(parts, c.Label)
	}
	if len(parts) > 0 {
		p.Heading = "Films: " + strings.Join(parts, ", ")
	}
	p.Base = s.newBase(r, p.Heading, "Browse the catalog's films.")
	p.Canonical = s.absURL(r, r.URL.RequestURI())
	s.render(w, r, http.StatusOK, "films", p)
	return nil
}

// listFilms reads one page of films matching f and builds its links.
func (s *Server) listFilms(ctx context.Context, r *http.Request, f store.FilmFilter, pg int) (filmList, error) {
	f.Limit, f.Offset = pageSize, (pg-1)*pageSize
	films, total, err := s.store.ListFilms(ctx, f)
	if err != nil {
		return filmList{}, err
	}
	l := filmList{Films: films, Total: total, Page: pg, Pages: max((total+pageSize-1)/pageSize, 1)}
	if pg > l.Pages && pg > 1 {
		return l, &badRequest{Param: "page", Reason: "is past the last page (" + itoa(l.Pages) + ")"}
	}
	if len(films) > 0 {
		l.First, l.Last = f.Offset+1, f.Offset+len(films)
	}
	if pg > 1 {
		l.PrevURL = withParam(r, "page", pageValue(pg-1))
	}
	if pg < l.Pages {
		l.NextURL = withParam(r, "page", itoa(pg+1))
	}
	chip := func(name, label string) {
		if r.URL.Query().Get(name) != "" {
			l.Filters = append(l.Filters, filterChip{Label: label, RemoveURL: withParam(r, name, "")})
		}
	}
	if f.Year != 0 {
		chip("year", itoa(f.Year))
	}
	if f.Decade != 0 {
		chip("decade", "the "+itoa(f.Decade)+"s")
	}
	chip("genre", f.Genre)
	chip("certification", "rated "+f.Certification)
	if f.Director != "" {
		name := f.Director
		if p, err := s.store.GetPerson(ctx, f.Director); err == nil {
			name = p.Name
		}
		chip("director", "directed by "+name)
	}
	chip("award", f.Award+" winners")
	if r.URL.Path == "/films" && f.Theme != "" {
		chip("theme", "theme "+f.Theme)
	}
	return l, nil
}

// pageValue is the page parameter for page n: none for the first page,
// so page 1 has one URL.
func pageValue(n int) string {
	if n <= 1 {
		return ""
	}
	return itoa(n)
}
