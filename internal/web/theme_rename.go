package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// themeRename gives a theme a new name (editors); its address stays.
func (s *Server) themeRename(w http.ResponseWriter, r *http.Request) error {
	t, err := s.themeEditorPost(w, r, "rename a theme")
	if err != nil {
		return err
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	e := themeEdit{Action: "rename", Name: name}
	if name == "" {
		return s.themeEditRefused(w, r, t, e, &film.ValidationError{Entity: "theme", Field: "name", Reason: "must not be empty"})
	}
	touched, err := s.themeFilms(r.Context(), t.Slug)
	if err != nil {
		return err
	}
	if err := s.store.RenameTheme(r.Context(), t.Slug, name); err != nil {
		return s.themeEditRefused(w, r, t, e, err)
	}
	s.refreshThemeFilms(r.Context(), touched)
	return seeOther(w, r, "/themes/"+t.Slug)
}
