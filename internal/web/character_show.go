package web

import (
	"errors"
	"net/http"
	"strings"

	"marquee/internal/film"
)

func (s *Server) characterShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	filmSlug, slug := r.PathValue("film"), r.PathValue("slug")
	c, err := s.store.GetCharacter(ctx, filmSlug, slug)
	if err != nil {
		return err
	}
	f, err := s.store.GetFilm(ctx, filmSlug)
	if err != nil {
		return err
	}
	p := &characterPage{Character: c, Film: f}
	if c.PlayedBySlug != "" {
		all, err := s.store.PersonCharacters(ctx, c.PlayedBySlug)
		if err != nil {
			return err
		}
		for _, o := range all {
			if o.FilmSlug != c.FilmSlug || o.Slug != c.Slug {
				p.Others = append(p.Others, o)
			}
		}
	}
	d, err := s.store.GetDossier(ctx, filmSlug)
	if err != nil && !isNotFound(err) {
		return err
	}
	if d != nil {
		p.About = characterText(d, c.Name)
		for i, a := range film.SectionAnchors(d.Sections, nil) {
			if d.Sections[i].Kind == film.SectionCharacters {
				p.AboutURL = "/films/" + filmSlug + "#" + a
				break
			}
		}
		for _, q := range d.Quotes {
			if (c.PlayedBySlug != "" && q.SpeakerSlug == c.PlayedBySlug) || (q.Speaker != "" && strings.EqualFold(q.Speaker, c.Name)) ||
				indexWord(q.Text, c.Name) >= 0 {
				p.Quotes = append(p.Quotes, q)
			}
		}
	}
	desc := c.Name + ", a character in " + f.Title
	if c.PlayedByName != "" {
		desc += ", played by " + c.PlayedByName
	}
	p.Base = s.newBase(r, c.Name+" in "+f.Title, desc+".")
	s.render(w, r, http.StatusOK, "character", p)
	return nil
}

func isNotFound(err error) bool { return err != nil && errors.Is(err, film.ErrNotFound) }
