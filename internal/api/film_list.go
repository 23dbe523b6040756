package api

import (
	"net/http"
	"strings"

	"marquee/internal/film"
	"marquee/internal/httpx"
	"marquee/internal/store"
)

// filmList serves GET /api/v1/films: films filtered by year, decade,
// genre, country, certification, theme, director or award, a page at a
// time with a cursor. Without sort they come in catalog order; with one
// of store.SortNames in that order (the cursor then carries the offset).
func (s *Server) filmList(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, httpx.FilterParams, []string{"limit", "cursor", "sort"}); err != nil {
		return err
	}
	filter, err := httpx.FilmFilter(r)
	if err != nil {
		return err
	}
	f := store.FilmFilter{Filter: filter, Sort: r.URL.Query().Get("sort")}
	if _, ok := store.FilmSorts[f.Sort]; f.Sort != "" && !ok {
		return &paramError{Param: "sort", Reason: "value " + quoteClip(f.Sort) + " is not supported (supported: " + strings.Join(store.SortNames, ", ") + ")"}
	}
	limit, err := intParam(r, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	out := FilmList{Films: []FilmSummary{}}
	if out.Total, err = s.store.CountFilms(r.Context(), filter); err != nil {
		return err
	}
	var films []film.Film
	if f.Sort == "" {
		after, err := cursorParam(r, "f")
		if err != nil {
			return err
		}
		if films, err = s.store.FilmsAfter(r.Context(), f, after, limit+1); err != nil {
			return err
		}
		if len(films) > limit {
			films = films[:limit]
			out.NextCursor = encodeCursor("f", films[limit-1].ID)
		}
	} else {
		// A sorted list pages by offset: the cursor names the sort too, so
		// a cursor from one order is refused by another.
		offset, err := cursorParam(r, "s"+f.Sort)
		if err != nil {
			return err
		}
		f.Limit, f.Offset = limit+1, int(offset)
		if films, _, err = s.store.ListFilms(r.Context(), f); err != nil {
			return err
		}
		if err := s.store.FillGenres(r.Context(), films); err != nil {
			return err
		}
		if len(films) > limit {
			films = films[:limit]
			out.NextCursor = encodeCursor("s"+f.Sort, offset+int64(limit))
		}
	}
	for _, fm := range films {
		out.Films = append(out.Films, FilmSummary{Slug: fm.Slug, Title: fm.Title, Year: fm.Year, RuntimeMin: fm.RuntimeMin,
			Genres: nonNil(fm.Genres), Certification: fm.Certification, IMDb: fm.IDs.IMDb,
			Rating: fm.Rating.Average, Votes: fm.Rating.Votes, URL: s.baseURL + "/api/v1/films/" + fm.Slug})
	}
	return writeJSON(w, r, out, timeZero)
}

// quoteClip quotes a value from a request for an error message, cut short.
func quoteClip(v string) string { return `"` + httpx.Clip(v) + `"` }
