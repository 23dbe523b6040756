package web

import (
	"errors"
	"net/http"
	"strings"

	"marquee/internal/film"
)

// themeMerge folds a theme into another (editors); the old address then
// leads to the theme it joined.
func (s *Server) themeMerge(w http.ResponseWriter, r *http.Request) error {
	t, err := s.themeEditorPost(w, r, "merge a theme")
	if err != nil {
		return err
	}
	into := strings.Trim(strings.TrimSpace(r.PostFormValue("into")), "/")
	into = strings.TrimPrefix(into, "themes/")
	e := themeEdit{Action: "merge", Into: into}
	if into == "" {
		return s.themeEditRefused(w, r, t, e, &film.ValidationError{Entity: "theme", Field: "into", Reason: "must name the theme to merge into"})
	}
	touched, err := s.themeFilms(r.Context(), t.Slug, into)
	if err != nil {
		return err
	}
	err = s.store.MergeTheme(r.Context(), t.Slug, into)
	var nf *film.NotFoundError
	if errors.As(err, &nf) {
		err = &film.ValidationError{Entity: "theme", Field: "into", Reason: "no theme has the address " + into}
	}
	if err != nil {
		return s.themeEditRefused(w, r, t, e, err)
	}
	s.refreshThemeFilms(r.Context(), touched)
	return seeOther(w, r, "/themes/"+into)
}
