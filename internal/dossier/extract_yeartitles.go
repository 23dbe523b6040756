package dossier

import (
	"strconv"
	"strings"

	"marquee/internal/film"
)

// Plain text sets no title apart, but film writing dates the films it
// names: "When We Were Kings (1996) and The Fog of War (2003) are a
// couple that spring to mind". A run of capitalised words just before a
// bracketed year is a film's title, unless it names a person, a place or
// an organisation.

// titleWords may join the capitalised words of a title.
var titleWords = setOf(`of|the|a|an|and|in|on|to|for|at|with|from|by|or|is|are|was|were|be|my|your|no|not|as|into|up|it`)

// yearTitles lists the dated titles of s that no quotation marks or
// emphasis set apart (those are spans, read by films).
func (x *extractor) yearTitles(s string, spans []span) {
	for from := 0; ; {
		i := strings.Index(s[from:], " (")
		if i < 0 {
			return
		}
		i += from
		from = i + 2
		if i+7 > len(s) || s[i+6] != ')' || inSpans(spans, i-1) {
			continue
		}
		year, err := strconv.Atoi(s[i+2 : i+6])
		if err != nil || year < film.MinYear || year > 2100 {
			continue
		}
		title := datedRun(s[:i])
		if title == "" || isGazetteer(title) || orgWords[title[strings.LastIndexByte(title, ' ')+1:]] {
			continue
		}
		if _, person := x.resolve(title); person || x.roles[title] || wordCount(title) == 1 && x.mention[mentionKey{"person", title}] {
			continue
		}
		x.titles = append(x.titles, title)
		slug, _ := x.lookupFilm(title, year)
		x.add("film", title, slug)
	}
}

// datedRun returns the title-cased words that end s: capitalised words,
// with the small words of titles between them, back to punctuation or a
// lower-case word that joins nothing.
func datedRun(s string) string {
	fields := strings.Fields(s[max(0, len(s)-200):])
	k := len(fields)
	for k > 0 && len(fields)-k < 9 {
		w := fields[k-1]
		if k < len(fields) && strings.ContainsAny(w[len(w)-1:], ",;:.!?)”\"") || strings.ContainsAny(w, "()[]“”\"") {
			break
		}
		if !isCap(w) && !titleWords[w] {
			break
		}
		k--
	}
	run := fields[k:]
	for len(run) > 0 && !isCap(run[0]) {
		run = run[1:]
	}
	if len(run) == 0 || !isCap(run[len(run)-1]) {
		return ""
	}
	return strings.Join(run, " ")
}
