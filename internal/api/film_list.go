package api

import (
	"net/http"

	"marquee/internal/httpx"
	"marquee/internal/store"
)

// filmList serves GET /api/v1/films: films in catalog order, filtered by
// year, decade, genre, certification, theme or director, a page at a time
// with a cursor.
func (s *Server) filmList(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, httpx.FilterParams, []string{"limit", "cursor"}); err != nil {
		return err
	}
	filter, err := httpx.FilmFilter(r)
	if err != nil {
		return err
	}
	f := store.FilmFilter{Filter: filter}
	limit, err := intParam(r, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	after, err := cursorParam(r, "f")
	if err != nil {
		return err
	}
	films, err := s.store.FilmsAfter(r.Context(), f, after, limit+1)
	if err != nil {
		return err
	}
	out := FilmList{Films: []FilmSummary{}}
	if out.Total, err = s.store.CountFilms(r.Context(), filter); err != nil {
		return err
	}
	if len(films) > limit {
		films = films[:limit]
		out.NextCursor = encodeCursor("f", films[limit-1].ID)
	}
	for _, fm := range films {
		out.Films = append(out.Films, FilmSummary{Slug: fm.Slug, Title: fm.Title, Year: fm.Year, RuntimeMin: fm.RuntimeMin,
			Genres: nonNil(fm.Genres), Certification: fm.Certification, IMDb: fm.IDs.IMDb, URL: s.baseURL + "/api/v1/films/" + fm.Slug})
	}
	return writeJSON(w, r, out, timeZero)
}
