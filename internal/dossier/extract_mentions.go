package dossier

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
)

// placeCues and pubCues, just before a capitalised run, say what it is.
var (
	placeCues = []string{"on location in ", "set in ", "shot in ", "filmed in ", "town of ", "city of ",
		"streets of ", "located in ", "native of ", "raised in ", "born in ", "outskirts of "}
	pubCues = []string{"interview with ", "interview with the ", "speaking to ", "speaking to the ",
		"talking to ", "talking to the ", "told ", "told the ", "writing in ", "writing for ", "wrote in ",
		"writing for the ", "wrote in the ", "according to ", "according to the ", "critic for ", "reviewer for ", "critic of the "}
	musicCues = []string{"song", "track", "album", "single", "music", "band", "tune", "sings", "anthem"}

	placeCueIndex, pubCueIndex = newCueIndex(placeCues), newCueIndex(pubCues)
)

// mentions is the second pass: people (with surnames expanded), places,
// publications and film titles, in first-seen order.
func (x *extractor) mentions(u unit, spans []span) {
	x.films(u.text, spans)
	x.linkedFilms(u.text)
	x.yearTitles(u.text, spans)
	ws := u.ws
	capRuns(u.text, ws, func(a, b int) {
		if inSpans(spans, int(ws[a].start)) {
			return
		}
		x.run(u.text, ws, a, b)
	})
}

// gazetteerWords gives, for each word that opens a place or publication
// name, the most words such a name has (at most 6, the longest run
// looked up).
var gazetteerWords = func() map[string]int {
	m := map[string]int{}
	for _, set := range []map[string]bool{places, publications} {
		for name := range set {
			first, _, _ := strings.Cut(name, " ")
			m[first] = min(6, max(m[first], strings.Count(name, " ")+1))
		}
	}
	return m
}()

// run classifies the parts of one capitalised run, longest gazetteer
// match first; what is left may be a person.
func (x *extractor) run(s string, ws []word, a, b int) {
	if last := ws[b-1].s; last == "Boulevard" || last == "Avenue" || last == "Street" || last == "Road" {
		x.add("place", joinWords(ws, a, b), "")
		return
	}
	rest := a
	for k := a; k < b; {
		// Only a word that opens a place or publication name can start
		// one; most words open none, and need no look-up of their runs.
		l := min(ws[k].gazWords(), b-k)
		for ; l > 0; l-- {
			name := joinWords(ws, k, k+l)
			kind := ""
			switch {
			case publications[name]:
				kind = "publication"
			case places[name]:
				kind = "place"
			}
			if kind != "" {
				x.person(s, ws, rest, k)
				x.add(kind, strings.TrimPrefix(name, "the "), "")
				k += l
				rest = k
				break
			}
		}
		if l == 0 {
			k++
		}
	}
	x.person(s, ws, rest, b)
}

// person lists ws[a:b] as a person, a cued place or publication, or a
// film the catalog knows.
func (x *extractor) person(s string, ws []word, a, b int) {
	for a < b && ws[a].cls&wcStop != 0 {
		a++
	}
	if a >= b || b-a > 4 {
		return
	}
	name := joinWords(ws, a, b)
	if b-a == 1 && strings.HasPrefix(s[ws[a].end:], " and ") {
		if full, ok := x.siblings[name]; ok {
			x.add("person", full, "")
			return
		}
	}
	if full, ok := x.resolve(name); ok {
		slug, _ := x.lookupPerson(full)
		x.add("person", full, slug)
		return
	}
	at := int(ws[a].start)
	before := s[max(0, at-30):at]
	switch {
	case hasSuffixIn(before, placeCueIndex) && ws[b-1].cls&wcOrg == 0:
		x.add("place", name, "")
	case hasSuffixIn(before, pubCueIndex) && !(b-a >= 2 && b-a <= 3 && isGivenName(ws[a].s)):
		// "speaking to Variety", but "after speaking to Penélope Cruz":
		// a given name and a surname are a person's.
		x.add("publication", name, "")
	case b-a >= 2 && x.cat != nil && ws[b-1].cls&wcOrg == 0:
		if slug, ok := x.lookupFilm(name, 0); ok {
			x.add("film", name, slug)
		}
	}
}

// hasSuffixAny reports whether s ends with one of list, ignoring case.
func hasSuffixAny(s string, list []string) bool {
	for _, c := range list {
		if len(s) >= len(c) && suffixFold(s[len(s)-len(c):], c) {
			return true
		}
	}
	return false
}

// cueIndex is a list of cues for hasSuffixIn, grouped by their
// next-to-last byte (the letter before a cue's closing space), so a
// test of a capitalised run's left context compares a few cues, not all.
type cueIndex struct {
	all    []string
	byPen  [128][]string // cues whose last two bytes are ASCII, by the lower-case next-to-last byte
	always []string      // the others: shorter than two bytes or not ASCII at the end
}

func newCueIndex(list []string) *cueIndex {
	ix := &cueIndex{all: list}
	for _, c := range list {
		if len(c) < 2 || c[len(c)-1] >= utf8.RuneSelf || c[len(c)-2] >= utf8.RuneSelf {
			ix.always = append(ix.always, c)
			continue
		}
		k := lowerByte(c[len(c)-2])
		ix.byPen[k] = append(ix.byPen[k], c)
	}
	return ix
}

// hasSuffixIn is hasSuffixAny(s, ix.all). When the last two bytes of s
// are ASCII, suffixFold compares them first and case-insensitively, so a
// cue whose next-to-last byte differs cannot match and is not tried.
func hasSuffixIn(s string, ix *cueIndex) bool {
	if len(s) < 2 || s[len(s)-1] >= utf8.RuneSelf || s[len(s)-2] >= utf8.RuneSelf {
		return hasSuffixAny(s, ix.all)
	}
	return hasSuffixAny(s, ix.byPen[lowerByte(s[len(s)-2])]) || hasSuffixAny(s, ix.always)
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// suffixFold is strings.EqualFold for two strings of one length, compared
// from the end, so most cues are ruled out at their last letters; it
// leaves anything beyond ASCII to EqualFold.
func suffixFold(t, c string) bool {
	for k := len(c) - 1; k >= 0; k-- {
		a, b := t[k], c[k]
		if a >= 0x80 || b >= 0x80 {
			return strings.EqualFold(t, c)
		}
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

// films lists quoted titles: short, title case, not a sentence, and not
// a song (a title seen once in a sentence about music).
func (x *extractor) films(s string, spans []span) {
	notEnd := -1 // where the last title that is not a film ended
	for _, sp := range spans {
		title, ok := titleSpan(s[sp.start:sp.end])
		if !ok {
			continue
		}
		after := s[min(len(s), sp.end):]
		if publications[title] || publications["The "+title] || saysAfter(after) || pubBefore(s[:sp.start]) || criticAfter(after) {
			// An italic newspaper is a publication, not a film; so is a
			// title that "stated" or "wrote" something. Said once to be
			// a paper, it is one throughout.
			x.add("publication", title, "")
			x.notFilms[film.Fold(title)] = true
			continue
		}
		if x.d.Format == formatWiki && sp.start > 0 && (s[sp.start-1] == '"' || s[sp.start-1] == '\'') {
			// Wikitext sets a film's title in italics; its quotation
			// marks hold songs, episodes, nicknames and words as words.
			continue
		}
		if isFilm, ok := x.linked[film.Fold(title)]; ok && !isFilm {
			continue // its link says it is a series, a novel, a song
		}
		other := notFilm(s[:sp.start]) || notFilmAfter(after)
		if other {
			// Said once to be a series or a novel, it is one throughout.
			x.notFilms[film.Fold(title)] = true
		}
		if other || nickname(s, sp) ||
			notEnd >= 0 && listGap(s[notEnd:sp.start]) {
			// "their hit TV shows, Martin and The Fresh Prince of Bel-Air":
			// the titles listed after one that is not a film are not
			// films either.
			notEnd = sp.end
			continue
		}
		year := yearAfter(s[min(len(s), sp.end+3):])
		for _, t := range splitTitles(title) {
			x.titles = append(x.titles, t)
			if year == 0 && !x.mention[mentionKey{"film", t}] && musicSentence(s, sp) {
				continue
			}
			slug, _ := x.lookupFilm(t, year)
			x.add("film", t, slug)
		}
	}
}

// linkedFilms lists the titles of links to an encyclopedia's film
// articles, whose targets say what they are: "[Poor Things](Poor_Things_(film))",
// "[Maestro](Maestro_(2023_film))". A link's target is stronger evidence
// than its emphasis, which conversions often lose.
func (x *extractor) linkedFilms(s string) {
	eachMdLink(s, func(text, target string) {
		if isFilm, _ := disambiguation(target); !isFilm {
			return
		}
		title, ok := titleSpan(strings.Trim(text, "*_“”"))
		if !ok || strings.Contains(title, "[") {
			return
		}
		x.titles = append(x.titles, title)
		slug, _ := x.lookupFilm(title, 0)
		x.add("film", title, slug)
	})
}

// linkKinds records what each Markdown link's target says its text
// names, as the read stage does for wikitext links (read_linkkinds.go).
func (x *extractor) linkKinds(s string) {
	eachMdLink(s, func(text, target string) {
		if isFilm, ok := disambiguation(target); ok {
			k := film.Fold(strings.Trim(text, "*_“” "))
			x.linked[k] = x.linked[k] || isFilm
		}
	})
}

// eachMdLink calls fn with the text and target of each Markdown link in
// s; a target keeps its own brackets ("Poor_Things_(film)").
func eachMdLink(s string, fn func(text, target string)) {
	for from := 0; ; {
		i := strings.Index(s[from:], "](")
		if i < 0 {
			return
		}
		i += from
		from = i + 2
		open := strings.LastIndexByte(s[max(0, i-90):i], '[')
		if open < 0 {
			continue
		}
		open += max(0, i-90)
		end := strings.Index(s[i+2:min(len(s), i+2+120)], ")")
		if end < 0 {
			continue
		}
		target := s[i+2 : i+2+end]
		if strings.Contains(target, "(") {
			target += ")" // "Poor_Things_(film)" holds its own brackets
		}
		fn(s[open+1:i], strings.TrimSuffix(strings.TrimSpace(target), " \"wikilink\""))
	}
}

// notFilm reports a title the words before it say is something else: a
// novel, a series, a newspaper, a song, an episode, a credit.
func notFilm(before string) bool {
	b := lowerText(before[max(0, len(before)-40):])
	tail := strings.TrimRight(b, "“\"_*[ ")
	for _, w := range []string{"novel", "book", "series", "show", "sitcom", "newspaper", "magazine", "paper", "album",
		"song", "play", "poem", "story", "memoir", "in the", "novelist", "called", "titled", "credited as", "phenomenon of"} {
		if strings.HasSuffix(tail, w) {
			return w != "called" && w != "titled" || strings.Contains(b, "episode") || strings.Contains(b, "song")
		}
	}
	// "their own hit TV shows, Martin and …", "magazines like Nakayoshi
	// and Ribon": a list after a plural that names what its items are.
	tail = strings.TrimRight(tail, ",:")
	for _, lead := range []string{" like", " such as", " including"} {
		tail = strings.TrimSuffix(tail, lead)
	}
	for _, w := range []string{"tv shows", "tv series", "television series", "television shows", "sitcoms", "novels", "books", "episodes", "songs",
		"magazines", "newspapers", "albums", "plays", "comics", "radio series", "radio shows", "programmes", "columns"} {
		if strings.HasSuffix(tail, w) {
			return true
		}
	}
	return false
}

// notFilmAfter reports a title the words after it say is something else:
// "The Amazing Spider-Man television series", "Spider-Man (TV series)".
func notFilmAfter(after string) bool {
	a := lowerText(strings.TrimLeft(after[:min(len(after), 40)], "“”\"_*] "))
	for _, w := range []string{"television series", "tv series", "(tv series)", "series", "episode", "novel", "tv show", "sitcom", "miniseries",
		"film series", "trilogy", "franchise", "film franchise", "saga", "comic", "comics", "video game",
		// "the "Tomorrow" show", "his "Criminals at Large" column".
		"show", "column", "radio series", "radio show", "programme", "podcast", "magazine", "newspaper", "album", "song", "musical"} {
		if rest, ok := strings.CutPrefix(a, w); ok && (rest == "" || !isASCIILetter(rest[0])) {
			return true
		}
	}
	return false
}

// saysAfter reports a title followed by a verb of saying: "The Evening
// Standard stated …", "Movie - Film - Review, Christopher Tookey wrote"
// is handled by the quote stage; here only the title's own verb counts.
func saysAfter(after string) bool {
	a := strings.TrimLeft(after[:min(len(after), 30)], "“”\"_*] ")
	w, _, _ := strings.Cut(a, " ")
	return speechVerbs[strings.Trim(w, ",.")] && w != "put"
}

// nickname reports a one-word quoted name between a given name and a
// surname: Maxine "Max" Logan, Nicholas "Nicky" Banks.
func nickname(s string, sp span) bool {
	if wordCount(s[sp.start:sp.end]) != 1 {
		return false
	}
	before := strings.TrimRight(s[max(0, sp.start-30):sp.start], "“\"‘'")
	after := strings.TrimLeft(s[min(len(s), sp.end):min(len(s), sp.end+30)], "”\"’'")
	if !strings.HasSuffix(before, " ") || !strings.HasPrefix(after, " ") {
		return false
	}
	fs := strings.Fields(before)
	next := strings.Fields(after)
	return len(fs) > 0 && len(next) > 0 && isCap(fs[len(fs)-1]) && isCap(next[0]) && !stopCaps[fs[len(fs)-1]]
}

// listGap reports text that only joins two items of a list.
func listGap(g string) bool {
	g = strings.Trim(g, "“”\"_*[]() ")
	return g == "," || g == "and" || g == ", and" || g == "or" || g == ", or" || g == ""
}

// splitTitles splits one italic span holding several titles ("Water
// Lilies, Tomboy and Girlhood") when every part is in title case.
func splitTitles(t string) []string {
	if !strings.Contains(t, ", ") {
		return []string{t}
	}
	parts := strings.Split(t, ", ")
	last := parts[len(parts)-1]
	if a, b, ok := strings.Cut(last, " and "); ok {
		parts = append(parts[:len(parts)-1], a, b)
	}
	for _, p := range parts {
		if p == "" || !isTitleCase(p) || !isCap(strings.Fields(p)[0]) {
			return []string{t}
		}
	}
	return parts
}

// titleSpan reports whether quoted text reads as a title.
func titleSpan(q string) (string, bool) {
	t := strings.TrimSpace(strings.TrimRight(q, ",. "))
	n := wordCount(t)
	if n == 0 || n > 8 || strings.Contains(t, ". ") || strings.ContainsAny(t, "?!") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) || !isTitleCase(t) {
		return "", false
	}
	return t, true
}

// yearAfter reads " (2018)" at the start of s.
func yearAfter(s string) int {
	s = strings.TrimLeft(s, " ")
	if len(s) < 6 || s[0] != '(' || s[5] != ')' {
		return 0
	}
	y, err := strconv.Atoi(s[1:5])
	if err != nil || y < 1870 || y > 2100 {
		return 0
	}
	return y
}

// musicSentence reports whether the sentence around sp talks about music.
func musicSentence(s string, sp span) bool {
	// Look no further than a long sentence either side, so that a
	// paragraph with no full stops stays linear.
	lo := max(0, sp.start-300)
	from := strings.LastIndex(s[lo:max(lo, sp.start-3)], ". ")
	if from >= 0 {
		from += lo
	}
	hi := min(len(s), sp.end+300)
	to := strings.Index(s[min(len(s), sp.end):hi], ". ")
	end := hi
	if to >= 0 {
		end = sp.end + to
	}
	sent := lowerText(s[max(lo, from):end])
	for _, c := range musicCues {
		if strings.Contains(sent, c) {
			return true
		}
	}
	return false
}
