package dossier

import (
	"strings"

	"marquee/internal/film"
)

// filmsKept settles the films an article mentions: not the film itself,
// not a title the article says elsewhere is a series or a novel, and not
// a short form of a title it gives in full ("Civil War" after "Captain
// America: Civil War", "Brave New World" in an article on "Captain
// America: Brave New World").
func (x *extractor) filmsKept(films []string, self string) []string {
	full := map[string]bool{}
	for _, f := range append([]string{self}, films...) {
		if _, tail, ok := strings.Cut(f, ": "); ok && tail != "" {
			full[film.Fold(tail)] = true
		}
	}
	selfKey := film.Fold(self)
	out := films[:0]
	for _, f := range films {
		k := film.Fold(f)
		if k == selfKey || x.notFilms[k] || full[k] && !strings.Contains(f, ": ") {
			continue
		}
		out = append(out, f)
	}
	return out
}
