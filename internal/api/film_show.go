package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"marquee/internal/film"
)

var timeZero time.Time

// filmShow serves GET /api/v1/films/{key}, where key is a slug or an IMDb
// id (tt…): the film's facts, credits and dossier.
func (s *Server) filmShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	key := r.PathValue("key")
	var (
		f   *film.Film
		err error
	)
	if strings.HasPrefix(key, "tt") && len(key) > 2 && strings.Trim(key[2:], "0123456789") == "" {
		f, err = s.store.FilmByIMDb(ctx, key)
	} else {
		f, err = s.store.GetFilm(ctx, key)
	}
	if err != nil {
		return err
	}
	d := FilmDetail{Film: f, URL: s.baseURL + "/films/" + f.Slug}
	if d.Credits, err = s.store.FilmCredits(ctx, f.Slug); err != nil {
		return err
	}
	if d.Characters, err = s.store.FilmCharacters(ctx, f.Slug); err != nil {
		return err
	}
	if d.BoxOffice, err = s.store.GetBoxOffice(ctx, f.Slug); err != nil && !errors.Is(err, film.ErrNotFound) {
		return err
	}
	if d.Festivals, err = s.store.Festivals(ctx, f.Slug); err != nil {
		return err
	}
	if d.Advisories, err = s.store.Advisories(ctx, f.Slug); err != nil {
		return err
	}
	if d.Relations, err = s.store.Relations(ctx, f.Slug); err != nil {
		return err
	}
	if d.Dossier, err = s.store.GetDossier(ctx, f.Slug); err != nil && !errors.Is(err, film.ErrNotFound) {
		return err
	}
	modified := f.UpdatedAt
	if d.Dossier != nil {
		d.Dossier.Film = film.DossierFilm{Slug: f.Slug, Title: f.Title, Year: f.Year}
		for _, c := range d.Credits {
			if c.Role == film.RoleDirector {
				d.Dossier.Film.Directors = append(d.Dossier.Film.Directors, c.PersonName)
			}
		}
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
