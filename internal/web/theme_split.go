package web

import (
	"net/http"
	"strings"

	"marquee/internal/film"
)

// themeSplit moves the ticked films of a theme to a new theme (editors).
func (s *Server) themeSplit(w http.ResponseWriter, r *http.Request) error {
	t, err := s.themeEditorPost(w, r, "split a theme")
	if err != nil {
		return err
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	films := r.PostForm["film"]
	e := themeEdit{Action: "split", Name: name, Films: map[string]bool{}}
	for _, f := range films {
		e.Films[f] = true
	}
	if name == "" {
		return s.themeEditRefused(w, r, t, e, &film.ValidationError{Entity: "theme", Field: "name", Reason: "must not be empty"})
	}
	touched, err := s.themeFilms(r.Context(), t.Slug)
	if err != nil {
		return err
	}
	slug, err := s.store.SplitTheme(r.Context(), t.Slug, name, films)
	if err != nil {
		return s.themeEditRefused(w, r, t, e, err)
	}
	s.refreshThemeFilms(r.Context(), touched)
	return seeOther(w, r, "/themes/"+slug)
}
