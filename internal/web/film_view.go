package web

import (
	"context"
	"html/template"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// filmView is everything known about a film, shaped for the film and
// compare pages.
type filmView struct {
	Film        *film.Film
	stamps      stamps // the page cache's stamps, read with the film
	Poster      template.HTML
	PosterImage *store.ImageRef // the stored poster behind Poster; nil when Poster is generated
	Backdrop    template.HTML   // the stored backdrop; empty without one
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
	DossierHTML template.HTML // Dossier rendered by the "dossier" template
	DossierTOC  template.HTML // its entries in the contents ("dossier-toc")
	Ratings     [10]int       // readers' ratings by bucket (store.RatingHistogram)
	RatingMean  float64
	Knowledge   *filmKnowledge  // awards, generated answers, the dossier's advisories
	Has         store.FilmParts // which optional parts the film has (store.FilmRecord.Has)
}

// castRow is a cast credit with the character's page, when there is one,
// and each of its characters when it plays several ("Ani / Anora").
type castRow struct {
	film.Credit
	CharacterSlug string
	Characters    []castCharacter // two or more; empty for one
}

// castCharacter is one character of a credit and its page's slug, if any.
type castCharacter struct{ Name, Slug string }

// newCastRow links a cast credit's characters to their pages. A credit's
// Character joins several with film.CharacterSep; a name that itself holds
// the separator and has a page is one character.
func newCastRow(c film.Credit, charSlug map[string]string) castRow {
	row := castRow{Credit: c, CharacterSlug: charSlug[c.PersonSlug+"\x00"+c.Character]}
	if row.CharacterSlug != "" || !strings.Contains(c.Character, film.CharacterSep) {
		return row
	}
	for _, name := range strings.Split(c.Character, film.CharacterSep) {
		row.Characters = append(row.Characters, castCharacter{Name: name, Slug: charSlug[c.PersonSlug+"\x00"+name]})
	}
	return row
}

// loadFilm reads a film and everything its page shows, in one store call
// (one read transaction). The dossier's body is read only when the
// dossier cache lacks its revision.
func (s *Server) loadFilm(ctx context.Context, slug string) (*filmView, error) {
	var hit *dossierEntry
	rec, err := s.store.GetFilmRecord(ctx, slug, store.FilmRecordOptions{
		Facts: true, Ratings: true,
		Dossier: func(rev int, updated int64) bool {
			if !s.tmpl.dev {
				hit = s.dossiers.cached(slug, rev, updated)
			}
			return hit == nil
		},
	})
	if err != nil {
		return nil, err
	}
	f := rec.Film
	v := &filmView{Film: f, Ratings: rec.Ratings, RatingMean: rec.RatingMean, Has: rec.Has, stamps: stamps{rec.CatalogStamp, rec.MemberStamp}}
	charSlug := make(map[string]string, len(rec.Characters))
	for _, c := range rec.Characters {
		charSlug[c.PlayedBySlug+"\x00"+c.Name] = c.Slug
	}
	for _, c := range rec.Credits {
		switch c.Role {
		case film.RoleDirector:
			v.Directors = append(v.Directors, c)
		case film.RoleWriter:
			v.Writers = append(v.Writers, c)
		case film.RoleCast:
			v.Cast = append(v.Cast, newCastRow(c, charSlug))
		default:
			v.Crew = append(v.Crew, c)
		}
	}
	v.BoxOffice, v.Festivals, v.Advisories, v.Relations = rec.BoxOffice, rec.Festivals, rec.Advisories, rec.Relations
	if v.BoxOffice != nil {
		v.BoxChart = boxOfficeChart(v.BoxOffice)
	}
	v.Suitability = suitabilityOf(v.Advisories, f.Certification)
	d, err := s.dossier(rec, hit)
	if err != nil {
		return nil, err
	}
	if d != nil {
		v.Dossier, v.DossierHTML, v.DossierTOC = d.view, d.html, d.toc
	}
	if !rec.Has.Pictures {
		v.Poster = poster(f, names(v.Directors))
	} else if v.Poster, v.Backdrop, v.PosterImage, err = s.filmPictures(ctx, f, names(v.Directors)); err != nil {
		return nil, err
	}
	if v.Knowledge, err = s.loadKnowledge(ctx, slug, rec.Has); err != nil {
		return nil, err
	}
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
