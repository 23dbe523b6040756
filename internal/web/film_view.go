package web

import (
	"context"
	"errors"
	"html/template"
	"time"

	"marquee/internal/film"
)

// filmView is everything known about a film, shaped for the film and
// compare pages.
type filmView struct {
	Film        *film.Film
	Poster      template.HTML
	Directors   []film.Credit
	Writers     []film.Credit
	Cast        []castRow
	Crew        []film.Credit
	BoxOffice   *film.BoxOffice
	BoxChart    *chart
	Festivals   []film.Festival
	Advisories  []film.Advisory
	Suitability suitability
	Relations   []film.Relation
	Dossier     *dossierView
	DossierHTML template.HTML  // Dossier rendered by the "dossier" template
	DossierTOC  template.HTML  // its entries in the contents ("dossier-toc")
	Knowledge   *filmKnowledge // awards, generated answers, the dossier's advisories
}

// castRow is a cast credit with the character's page, when there is one.
type castRow struct {
	film.Credit
	CharacterSlug string
}

// loadFilm reads a film and everything its page shows.
func (s *Server) loadFilm(ctx context.Context, slug string) (*filmView, error) {
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return nil, err
	}
	v := &filmView{Film: f}
	credits, err := s.store.FilmCredits(ctx, slug)
	if err != nil {
		return nil, err
	}
	chars, err := s.store.FilmCharacters(ctx, slug)
	if err != nil {
		return nil, err
	}
	charSlug := make(map[string]string, len(chars))
	for _, c := range chars {
		charSlug[c.PlayedBySlug+"\x00"+c.Name] = c.Slug
	}
	for _, c := range credits {
		switch c.Role {
		case film.RoleDirector:
			v.Directors = append(v.Directors, c)
		case film.RoleWriter:
			v.Writers = append(v.Writers, c)
		case film.RoleCast:
			v.Cast = append(v.Cast, castRow{Credit: c, CharacterSlug: charSlug[c.PersonSlug+"\x00"+c.Character]})
		default:
			v.Crew = append(v.Crew, c)
		}
	}
	if v.BoxOffice, err = s.store.GetBoxOffice(ctx, slug); err != nil && !errors.Is(err, film.ErrNotFound) {
		return nil, err
	}
	if v.BoxOffice != nil {
		v.BoxChart = boxOfficeChart(v.BoxOffice)
	}
	if v.Festivals, err = s.store.Festivals(ctx, slug); err != nil {
		return nil, err
	}
	if v.Advisories, err = s.store.Advisories(ctx, slug); err != nil {
		return nil, err
	}
	v.Suitability = suitabilityOf(v.Advisories, f.Certification)
	if v.Relations, err = s.store.Relations(ctx, slug); err != nil {
		return nil, err
	}
	d, err := s.dossier(ctx, slug)
	if err != nil {
		return nil, err
	}
	if d != nil {
		v.Dossier, v.DossierHTML, v.DossierTOC = d.view, d.html, d.toc
	}
	if v.Knowledge, err = s.loadKnowledge(ctx, slug); err != nil {
		return nil, err
	}
	v.Poster = poster(f, names(v.Directors))
	return v, nil
}

func names(cs []film.Credit) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.PersonName
	}
	return out
}

// modified is when the film's page last changed, as far as the store
// records it.
func (v *filmView) modified() time.Time {
	if v.Dossier != nil && v.Dossier.D.UpdatedAt.After(v.Film.UpdatedAt) {
		return v.Dossier.D.UpdatedAt
	}
	return v.Film.UpdatedAt
}
