package web

import (
	"errors"
	"net/http"

	"marquee/internal/film"
)

// factsEditPage is /films/{slug}/facts/edit: editors grade the film's
// content advisory and add an award, both recorded with the source
// "editor" (facts_edit_show.go, facts_advisories_save.go,
// facts_awards_save.go).
type factsEditPage struct {
	Base
	Film       filmHead
	Advisories []advisoryRow
	Awards     []film.Award
	Severities []film.Severity
	Field      string // the field a refusal is about
	Error      string
	Award      film.Award // the award form's values, kept after a refusal
}

// advisoryRow is one category of the advisory form: its current grade
// and source, and what was posted.
type advisoryRow struct {
	Category film.AdvisoryCategory
	Current  *film.Advisory
	Severity film.Severity // posted, kept after a refusal
	Note     string
	Replace  bool
}

// loadFactsEdit reads what the facts form shows for the film slug.
func (s *Server) loadFactsEdit(r *http.Request, slug string) (*factsEditPage, error) {
	ctx := r.Context()
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return nil, err
	}
	as, err := s.store.Advisories(ctx, slug)
	if err != nil {
		return nil, err
	}
	p := &factsEditPage{Film: headOf(f), Severities: []film.Severity{film.SeverityNone, film.SeverityMild, film.SeverityModerate, film.SeveritySevere},
		Award: film.Award{Outcome: film.OutcomeNominated}}
	for _, c := range film.AdvisoryCategories {
		row := advisoryRow{Category: c}
		for i := range as {
			if as[i].Category == c {
				row.Current = &as[i]
			}
		}
		p.Advisories = append(p.Advisories, row)
	}
	if p.Awards, err = s.store.FilmAwards(ctx, slug); err != nil {
		return nil, err
	}
	p.Base = s.newBase(r, "Facts of "+p.Film.Label(), "")
	p.Canonical = s.absURL(r, "/films/"+slug+"/facts/edit")
	p.NoIndex, p.Private = true, true
	return p, nil
}

// factsRefused re-renders the facts form as a 400 with a refusal's
// message next to its field, when err is a validation error; other errors
// are returned as they are.
func (s *Server) factsRefused(w http.ResponseWriter, r *http.Request, p *factsEditPage, err error) error {
	var ve *film.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	p.Field, p.Error = ve.Field, ve.Reason
	s.render(w, r, http.StatusBadRequest, "facts_edit", p)
	return nil
}

// factsEditor checks the reader is an editor (the route's rule refuses
// others first; this keeps a handler safe on its own).
func (s *Server) factsEditor(r *http.Request, action string) (viewer, error) {
	v, err := s.signedIn(r)
	if err != nil {
		return v, err
	}
	if !v.IsEditor() {
		return v, &film.ForbiddenError{Action: action, Reason: "only editors may"}
	}
	return v, nil
}
