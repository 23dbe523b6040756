package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

func (s *Server) personShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	person, err := s.store.GetPerson(ctx, slug)
	if isNotFound(err) {
		if ok, err2 := s.personByIMDb(w, r, slug); ok || err2 != nil {
			return err2
		}
	}
	if err != nil {
		return err
	}
	p := &personPage{Person: person}
	portrait, ref, err := s.personPicture(ctx, person)
	if err != nil {
		return err
	}
	p.Portrait = portrait
	if p.Bio, err = s.loadPersonBio(ctx, slug); err != nil {
		return err
	}
	credits, err := s.store.PersonCredits(ctx, slug)
	if err != nil {
		return err
	}
	p.Groups = groupCredits(credits)
	known, err := s.store.PersonKnownFor(ctx, slug, 4)
	if err != nil {
		return err
	}
	if len(known) > 1 {
		// One film is the whole filmography, which follows anyway.
		if p.KnownFor, err = s.filmRows(ctx, known); err != nil {
			return err
		}
		for i := range p.KnownFor {
			p.KnownFor[i].Credit = creditLine(credits, p.KnownFor[i].Film.Slug)
		}
	}
	if p.Characters, err = s.store.PersonCharacters(ctx, slug); err != nil {
		return err
	}
	if p.Mentioned, err = s.store.DossiersMentioning(ctx, "person", slug); err != nil {
		return err
	}
	if p.Knowledge, err = s.loadPersonKnowledge(ctx, person); err != nil {
		return err
	}
	p.Timeline = timelineChart(person.Name, p.Groups)
	lo, hi := 0, 0
	for _, c := range credits {
		if c.FilmYear != 0 {
			if lo == 0 || c.FilmYear < lo {
				lo = c.FilmYear
			}
			hi = max(hi, c.FilmYear)
		}
	}
	if lo != 0 {
		p.Span = itoa(lo)
		if hi != lo {
			p.Span += "–" + itoa(hi)
		}
	}
	desc := person.Name
	if len(person.Professions) > 0 {
		desc += ", " + strings.Join(person.Professions, ", ")
	}
	if len(credits) > 0 {
		desc += ": filmography, characters and the dossiers that discuss their work."
	}
	p.Base = s.newBase(r, person.Name, desc)
	p.Image = ogImage(func(path string) string { return s.absURL(r, path) }, ref)
	p.OGType = "profile"
	p.JSONLD = append(p.JSONLD, personLD(p.Canonical, person))
	s.render(w, r, http.StatusOK, "person", p)
	return nil
}

// groupCredits groups credits by role in film.Roles order, keeping each
// group's newest-first order; a person credited twice in one role on a
// film (two characters) is listed once.
func groupCredits(cs []film.Credit) []creditGroup {
	var out []creditGroup
	for _, role := range film.Roles {
		g := creditGroup{Role: role, Label: roleLabel(role)}
		seen := map[string]int{}
		for _, c := range cs {
			if c.Role != role {
				continue
			}
			if i, ok := seen[c.FilmSlug]; ok {
				if c.Character != "" {
					g.Credits[i].Character += " / " + c.Character
				}
				continue
			}
			seen[c.FilmSlug] = len(g.Credits)
			g.Credits = append(g.Credits, c)
		}
		if len(g.Credits) > 0 {
			out = append(out, g)
		}
	}
	return mergeSameFilms(out)
}

// mergeSameFilms folds groups that list the same films (a director who
// wrote every film they directed) into one, "Director and writer", so the
// filmography does not repeat itself. Cast groups keep their own table,
// which has a character column.
func mergeSameFilms(gs []creditGroup) []creditGroup {
	var out []creditGroup
	for _, g := range gs {
		merged := false
		for i := range out {
			if g.Role != film.RoleCast && out[i].Role != film.RoleCast && sameFilms(out[i].Credits, g.Credits) {
				out[i].Label += " and " + strings.ToLower(g.Label)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, g)
		}
	}
	return out
}

func sameFilms(a, b []film.Credit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].FilmSlug != b[i].FilmSlug {
			return false
		}
	}
	return true
}
