package dossier

import (
	"strings"

	"marquee/internal/film"
)

// An encyclopedia's link says what its text names: "[[Messiah (Handel)|Messiah]]"
// is not a film, "[[The Wild One|…]]" may be, "[[Pump Up the Volume (film)|…]]"
// is one. The read stage keeps what the disambiguation in each target
// says, and the extract stage trusts it over a title's emphasis.

// linkKind records what the link target says of the text shown for it;
// a target without a disambiguation says nothing.
func (s *source) linkKind(target, text string) {
	isFilm, ok := disambiguation(target)
	if !ok || strings.TrimSpace(text) == "" {
		return
	}
	if s.links == nil {
		s.links = map[string]bool{}
	}
	text = strings.Trim(text, "'_* ")
	k := film.Fold(text)
	if isFilm && !s.links[k] {
		s.linkedFilms = append(s.linkedFilms, text)
	}
	s.links[k] = s.links[k] || isFilm
}

// disambiguation reads the bracketed end of an article name ("Doctor
// (film series)", "Raising_the_Wind_(1961_film)"): isFilm when it names a
// film, ok when there is one.
func disambiguation(target string) (isFilm, ok bool) {
	t := strings.TrimSpace(strings.ReplaceAll(target, "_", " "))
	if !strings.HasSuffix(t, ")") {
		return false, false
	}
	k := strings.LastIndex(t, "(")
	if k <= 0 {
		return false, false
	}
	words := strings.Fields(strings.ToLower(t[k+1 : len(t)-1]))
	if len(words) == 0 {
		return false, false
	}
	last := words[len(words)-1]
	return last == "film" || last == "movie", true
}
