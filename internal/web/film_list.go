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
	filter, err := httpx.FilmFilter(r)
	if err != nil {
		return err
	}
	f := store.FilmFilter{Filter: filter}
	if f.Sort = r.URL.Query().Get("sort"); f.Sort != "" {
		if _, ok := store.FilmSorts[f.Sort]; !ok {
			return &badRequest{Param: "sort", Reason: "must be " + strings.Join(store.SortNames, ", ")}
		}
	}
	pg, err := intParam(r, "page", 1, 1, maxPage)
	if err != nil {
		return err
	}
	total, facets, err := s.filmCounts(ctx, filter)
	if err != nil {
		return err
	}
	list, err := s.listFilms(ctx, r, f, pg, total)
	if err != nil {
		return err
	}
	p := &filmListPage{List: list, Sort: f.Sort, Heading: "Films"}
	if p.Sort == "" {
		p.Sort = "title"
	}
	for _, k := range store.SortNames {
		if k == "popular" {
			continue // the older name of votes: one order, one link
		}
		current := k == p.Sort || (k == "votes" && p.Sort == "popular")
		p.Sorts = append(p.Sorts, sortLink{Name: k, Label: sortLabels[k], URL: withParam(r, "sort", k), Current: current})
	}
	p.Facets = filmFacets(r, facets, list.Total)
	var parts []string
	for _, c := range list.Filters {
		parts = append(parts, c.Label)
	}
	if len(parts) > 0 {
		p.Heading = "Films: " + strings.Join(parts, ", ")
	}
	p.Base = s.newBase(r, p.Heading, "Browse the catalog's films.")
	p.Canonical = s.absURL(r, r.URL.RequestURI())
	// Combinations of filters have no end: robots index one filter at a time.
	p.NoIndex = len(list.Filters) > 1
	s.render(w, r, list.status(), "films", p)
	return nil
}

// listFilms reads one page of the total films matching f and builds its
// links.
func (s *Server) listFilms(ctx context.Context, r *http.Request, f store.FilmFilter, pg, total int) (filmList, error) {
	f.Limit, f.Offset = pageSize, (pg-1)*pageSize
	l := filmList{Total: total, pager: newPager(r, pg, total, pageSize)}
	if l.PastEnd {
		return l, nil
	}
	films, err := s.store.ListFilmsPage(ctx, f)
	if err != nil {
		return filmList{}, err
	}
	l.Films = films
	if l.Rows, err = s.filmRows(ctx, films); err != nil {
		return filmList{}, err
	}
	if len(films) > 0 {
		l.First, l.Last = f.Offset+1, f.Offset+len(films)
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

// newPager places page pg of a list of total entries, per to a page.
func newPager(r *http.Request, pg, total, per int) pager {
	p := pager{Page: pg, Pages: max((total+per-1)/per, 1)}
	if pg > p.Pages && pg > 1 {
		// Past the end: say so, with a way back, rather than refuse.
		p.PastEnd, p.LastURL = true, withParam(r, "page", pageValue(p.Pages))
		return p
	}
	if pg > 1 {
		p.PrevURL = withParam(r, "page", pageValue(pg-1))
	}
	if pg < p.Pages {
		p.NextURL = withParam(r, "page", itoa(pg+1))
	}
	p.Numbers = pageNumbers(r, pg, p.Pages)
	return p
}

// status is the list page's status: 404 for a page past the end.
func (p pager) status() int {
	if p.PastEnd {
		return http.StatusNotFound
	}
	return http.StatusOK
}

// pageNumbers links the first and last pages and those near pg, with a
// gap (a zero Page) where pages are skipped.
func pageNumbers(r *http.Request, pg, pages int) []pageLink {
	if pages <= 1 {
		return nil
	}
	nums := []int{1}
	for n := max(pg-2, 2); n <= min(pg+2, pages-1); n++ {
		nums = append(nums, n)
	}
	nums = append(nums, pages)
	var out []pageLink
	for i, n := range nums {
		if i > 0 && n > nums[i-1]+1 {
			out = append(out, pageLink{})
		}
		out = append(out, pageLink{Page: n, URL: withParam(r, "page", pageValue(n)), Current: n == pg})
	}
	return out
}
