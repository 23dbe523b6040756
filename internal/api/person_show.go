package api

import (
	"net/http"

	"marquee/internal/httpx"
)

// personShow serves GET /api/v1/people/{slug}.
func (s *Server) personShow(w http.ResponseWriter, r *http.Request) error {
	if err := httpx.KnownParams(r, nil); err != nil {
		return err
	}
	ctx := r.Context()
	slug := r.PathValue("slug")
	p, err := s.store.GetPerson(ctx, slug)
	if err != nil {
		return err
	}
	d := PersonDetail{Person: p, URL: s.baseURL + "/people/" + p.Slug}
	if d.Credits, err = s.store.PersonCredits(ctx, slug); err != nil {
		return err
	}
	if d.Characters, err = s.store.PersonCharacters(ctx, slug); err != nil {
		return err
	}
	if d.MentionedIn, err = s.store.DossiersMentioning(ctx, "person", slug); err != nil {
		return err
	}
	if d.Biography, err = s.store.PersonBio(ctx, slug); err != nil {
		return err
	}
	d.Credits, d.Characters, d.MentionedIn = nonNil(d.Credits), nonNil(d.Characters), nonNil(d.MentionedIn)
	return writeJSON(w, r, d, timeZero)
}
