package web

import (
	"context"
	"errors"
	"net/http"

	"marquee/internal/film"
	"marquee/internal/store"
)

// themeEditorPost opens an editor's post to /themes/{slug}/…: the form is
// read, the caller checked to be an editor (the route's rule refuses
// others first; this keeps the handler safe on its own) and the theme
// looked up.
func (s *Server) themeEditorPost(w http.ResponseWriter, r *http.Request, action string) (*film.Theme, error) {
	if err := parseForm(w, r); err != nil {
		return nil, err
	}
	v, err := s.signedIn(r)
	if err != nil {
		return nil, err
	}
	if !v.IsEditor() {
		return nil, &film.ForbiddenError{Action: action, Reason: "only editors may"}
	}
	return s.store.GetTheme(r.Context(), r.PathValue("slug"))
}

// themeEditRefused re-renders the theme page with a refused edit's
// message next to its field, as a 400, when err is a refusal; other errors
// are returned as they are.
func (s *Server) themeEditRefused(w http.ResponseWriter, r *http.Request, t *film.Theme, e themeEdit, err error) error {
	var te *store.ThemeEditError
	var ve *film.ValidationError
	switch {
	case errors.As(err, &te):
		e.Field, e.Error = te.Field, te.Reason
	case errors.As(err, &ve):
		e.Field, e.Error = ve.Field, ve.Reason
	default:
		return err
	}
	p, perr := s.loadThemePage(r, t)
	if perr != nil {
		return perr
	}
	p.Edit = e
	p.Canonical = s.absURL(r, "/themes/"+t.Slug)
	p.NoIndex, p.Private = true, true
	s.render(w, r, http.StatusBadRequest, "theme", p)
	return nil
}

// themeFilms lists the films of the themes slugs, read before an edit so
// that their answers can be refreshed after it.
func (s *Server) themeFilms(ctx context.Context, slugs ...string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, slug := range slugs {
		fs, _, err := s.store.ThemeFilms(ctx, slug, 100000, 0)
		if errors.Is(err, film.ErrNotFound) {
			continue // the edit refuses it with the field's name
		}
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if !seen[f.Slug] {
				seen[f.Slug] = true
				out = append(out, f.Slug)
			}
		}
	}
	return out, nil
}

// refreshThemeFilms refreshes the answers of the films a theme edit
// touched, as marquee themes does. The edit has landed by then: a failed
// refresh is logged (marquee knowledge refresh repairs it), not reported
// as a failed edit.
func (s *Server) refreshThemeFilms(ctx context.Context, films []string) {
	if len(films) == 0 {
		return
	}
	if _, err := s.store.RefreshKnowledge(ctx, store.RefreshOptions{Films: films}); err != nil {
		s.log.Error("theme edited; refreshing its films' answers failed (run marquee knowledge refresh)", "films", len(films), "err", err)
	}
}
