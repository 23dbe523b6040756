package web

import (
	"errors"
	"net/http"

	"marquee/internal/film"
	"marquee/internal/wiki"
)

// editShow is the edit form of a film's dossier, or of one section of it
// (?section=N), in the dossier's text form.
func (s *Server) editShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	slug := r.PathValue("slug")
	f, err := s.store.GetFilm(ctx, slug)
	if err != nil {
		return err
	}
	v := s.viewerOf(r)
	prot, err := s.store.DossierProtection(ctx, slug)
	if err != nil {
		return err
	}
	p := &editPage{Viewer: v, Film: headOf(f), Section: -1, Protection: prot}
	cur, err := s.store.DossierRevisionAt(ctx, slug, 0)
	switch {
	case errors.Is(err, film.ErrNotFound):
		// No dossier yet: the form starts it.
	case err != nil:
		return err
	default:
		p.BaseRev = cur.Revision.Revision
		p.Text = wiki.Text(cur)
		for _, sec := range cur.Dossier.Sections {
			h := sec.Heading
			if h == "" {
				h = sec.Kind.Label()
			}
			p.Sections = append(p.Sections, h)
		}
		if r.URL.Query().Has("section") {
			i, err := intParam(r, "section", 0, 0, len(cur.Dossier.Sections)-1)
			if err != nil {
				return err
			}
			if p.Text, err = wiki.SectionText(cur.Dossier, i); err != nil {
				return err
			}
			p.Section, p.Heading = i, cur.Dossier.Sections[i].Heading
		}
	}
	p.Base = s.newBase(r, "Editing "+headOf(f).Label(), "")
	p.NoIndex = true
	s.render(w, r, http.StatusOK, "edit", p)
	return nil
}
