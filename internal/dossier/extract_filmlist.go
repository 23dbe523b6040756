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

// mergeShortRoles keeps one pair for an actor named with a role and with
// the start of it — "Ann" in the plot, "Ann Lemp" in the cast list: the
// longer role is the one the article gives in full.
func mergeShortRoles(cast []film.CastPair) []film.CastPair {
	longer := func(p film.CastPair) bool {
		for _, q := range cast {
			n := len(p.Character)
			if q.Person == p.Person && len(q.Character) > n && strings.HasPrefix(q.Character, p.Character) && q.Character[n] == ' ' {
				return true
			}
		}
		return false
	}
	out := cast[:0:0]
	for _, p := range cast {
		if !longer(p) {
			out = append(out, p)
		}
	}
	return out
}
