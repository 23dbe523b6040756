package web

import (
	"net/http"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// factsAwardsSave records a nomination or a win of the film (source
// "editor", the editor's name as its reference). An award another source
// recorded with another outcome is kept, the editor's outcome beside it
// (store.PutAwards).
func (s *Server) factsAwardsSave(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v, err := s.factsEditor(r, "add an award")
	if err != nil {
		return err
	}
	slug := r.PathValue("slug")
	p, err := s.loadFactsEdit(r, slug)
	if err != nil {
		return err
	}
	p.Award = film.Award{Ceremony: strings.TrimSpace(r.PostFormValue("ceremony")), Category: strings.TrimSpace(r.PostFormValue("category")),
		Outcome: film.Outcome(r.PostFormValue("outcome")), FilmSlug: slug, Source: string(film.SourceEditor), SourceRef: v.Name}
	if y := strings.TrimSpace(r.PostFormValue("year")); y != "" {
		if p.Award.Year, err = strconv.Atoi(y); err != nil {
			return s.factsRefused(w, r, p, &film.ValidationError{Entity: "award", Field: "year", Reason: "must be a year such as 2021"})
		}
	}
	if err := p.Award.Validate(); err != nil {
		return s.factsRefused(w, r, p, err)
	}
	if _, err := s.store.PutAwards(r.Context(), []film.Award{p.Award}); err != nil {
		return s.factsRefused(w, r, p, err)
	}
	return seeOther(w, r, "/films/"+slug+"#awards")
}
