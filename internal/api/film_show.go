package api

import (
	"marquee/internal/httpx"
	"net/http"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

var timeZero time.Time

// filmShow serves GET /api/v1/films/{key}, where key is a slug or an IMDb
// id (tt…): the film's facts, credits and dossier.
func (s *Server) filmShow(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, nil); err != nil {
		return err
	}
	ctx := r.Context()
	key := r.PathValue("key")
	slug := key
	if strings.HasPrefix(key, "tt") && len(key) > 2 && strings.Trim(key[2:], "0123456789") == "" {
		f, err := s.store.FilmByIMDb(ctx, key)
		if err != nil {
			return err
		}
		slug = f.Slug
	}
	rec, err := s.store.GetFilmRecord(ctx, slug, store.FilmRecordOptions{Facts: true, Dossier: func(int, int64) bool { return true }})
	if err != nil {
		return err
	}
	f := rec.Film
	d := FilmDetail{Film: f, URL: s.baseURL + "/films/" + f.Slug, Credits: rec.Credits, Characters: rec.Characters,
		BoxOffice: rec.BoxOffice, Festivals: rec.Festivals, Advisories: rec.Advisories, Relations: rec.Relations, Dossier: rec.Dossier}
	modified := f.UpdatedAt
	if d.Dossier != nil {
		d.Dossier.Film = film.DossierFilm{Slug: f.Slug, Title: f.Title, Year: f.Year, Directors: rec.Directors()}
		normalizeDossier(d.Dossier)
		if d.Dossier.UpdatedAt.After(modified) {
			modified = d.Dossier.UpdatedAt
		}
	}
	if err := s.addKnowledge(ctx, &d); err != nil {
		return err
	}
	d.Credits, d.Characters = nonNil(d.Credits), nonNil(d.Characters)
	d.Festivals, d.Advisories, d.Relations = nonNil(d.Festivals), nonNil(d.Advisories), nonNil(d.Relations)
	return writeJSON(w, r, d, modified)
}
