package dossier

import (
	"regexp"
	"strings"

	"marquee/internal/film"
)

// castPairs finds "Character (Actor)", "Actor (Character)", "Actor as
// Character" and "Character, portrayed … by Actor".
func (x *extractor) castPairs(u unit, spans []span) {
	s := u.text
	if u.awards {
		// "Academy Award for Best Costume Design (Edith Head)": an
		// award and its winner, not an actor and a role.
		return
	}
	if bibliographic(s) {
		// "Bragg, Melvyn (1998). The Seventh Seal (Det Sjunde
		// Inseglet). BFI Publishing.": a book's title and its gloss.
		return
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '(')
		if j < 0 {
			break
		}
		p := i + j
		i = p + 1
		if inSpans(spans, p) {
			continue
		}
		k := strings.IndexByte(s[p:min(len(s), p+80)], ')')
		if k < 0 {
			continue
		}
		x.parenPair(runBefore(s[:p]), s[p+1:p+k])
	}
	x.portrayedPairs(s, u.kind == film.SectionCharacters)
	x.actorPairs(s, u.ws, u.kind == film.SectionCharacters)
}

// runBefore returns the capitalised run that ends just before "(".
func runBefore(s string) string {
	s = strings.TrimRight(s, " ")
	if len(s) > 80 {
		s = s[len(s)-80:]
	}
	var buf [24]word // on the stack: runBefore runs for every "(" and verb
	ws := tokenize(s, buf[:0])
	name := ""
	capRuns(s, ws, func(a, b int) {
		if int(ws[b-1].end) == len(s) && !ws[b-1].poss {
			for a < b && stopCaps[ws[a].s] {
				a++
			}
			if a < b {
				name = joinWords(ws, a, b)
			}
		}
	})
	return name
}

// parenPair decides which side of "A (B)" is the actor.
func (x *extractor) parenPair(outer, inner string) {
	inner = strings.TrimSpace(inner)
	for _, cue := range []string{"played by ", "portrayed by ", "voiced by "} {
		// "Miss Moneypenny (played by Naomie Harris)" names both sides;
		// the character may be a single letter ("Q").
		if actor, ok := strings.CutPrefix(inner, cue); ok {
			if wordCount(actor) <= 4 && isNameLike(actor) && outer != "" && wordCount(outer) <= 4 && isCap(outer) {
				x.pair(actor, outer)
			}
			return
		}
	}
	if role, ok := strings.CutPrefix(inner, "as "); ok {
		// "Tom Hardy (as Max Rockatansky)" says which side is which.
		if wordCount(outer) <= 4 && wordCount(role) <= 4 && isNameLike(outer) && isNameLike(role) {
			x.pair(outer, strings.TrimSpace(role))
		}
		return
	}
	ow, iw := wordCount(outer), wordCount(inner)
	if outer == "" || iw == 0 || iw > 4 || ow > 4 || !isNameLike(inner) || !isNameLike(outer) {
		return
	}
	person, character := inner, outer
	_, innerKnown := x.resolve(inner)
	_, outerKnown := x.resolve(outer)
	switch {
	case innerKnown:
	case outerKnown:
		person, character = outer, inner
	case iw == 1 && ow >= 2:
		person, character = outer, inner
	case iw == 1:
		return
	}
	x.pair(person, character)
}

// isNameLike: every word capitalised, no digits, not an award or a place.
func isNameLike(s string) bool {
	if isGazetteer(s) || isAllCaps(s) && len(s) <= 5 {
		return false
	}
	n := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, "*_,")
		n++
		if isConnector(w) && n > 1 && w != "of" && w != "the" {
			continue // "Marina de Tavira"
		}
		if w == "" || !isCap(w) || w == "Best" || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	last := s[strings.LastIndexByte(s, ' ')+1:]
	return !orgWords[strings.Trim(last, "*_,")]
}

func (x *extractor) pair(person, character string) {
	// "Santiago Moncada (Banderas)" names the actor by the surname the
	// article gave in full before.
	if full, ok := x.resolve(person); ok && strings.HasSuffix(full, " "+person) {
		person = full
	}
	key := person + "\x00" + character
	if x.pairs[key] || x.roles[person] && person != character && !x.known[person] {
		// A name the article gave as a role ("Weak-Hearted Animator
		// (Himself)" in a cast table's roles column) is not an actor.
		return
	}
	x.pairs[key] = true
	x.learn(person)
	x.roles[character] = true
	slug, _ := x.lookupPerson(person)
	x.d.Cast = append(x.d.Cast, film.CastPair{Person: person, Character: character, PersonSlug: slug})
}

// portrayedPairs: "Mikey Saber, portrayed with depth and nuance by Simon
// Rex" and "Simon Rex as Mikey Saber".
// In a cast section "Teo Yoo as Hae Sung" needs no other evidence that
// Teo Yoo is a person.
func (x *extractor) portrayedPairs(s string, cast bool) {
	for _, verb := range []string{"portrayed", "played"} {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], verb)
			if i < 0 {
				break
			}
			p := from + i
			from = p + len(verb)
			if p == 0 {
				continue
			}
			by := strings.Index(s[p:min(len(s), p+70)], " by ")
			if by < 0 {
				continue
			}
			actor := nameAfter(s[p+by+4:], 0)
			before := strings.TrimSuffix(strings.TrimRight(s[:p], " "), ",")
			for _, aux := range []string{" is", " was", " who is"} {
				before = strings.TrimSuffix(before, aux)
			}
			before = cutAppositive(before)
			character := runBefore(before)
			if actor != "" && character != "" && isNameLike(actor) && isNameLike(character) {
				x.pair(actor, character)
			}
		}
	}
}

// cutAppositive drops a short description between a name and what is
// said of it: "Jong-su, a would-be writer" is Jong-su.
func cutAppositive(s string) string {
	i := strings.LastIndex(s, ", ")
	if i < 0 || len(s)-i > 60 {
		return s
	}
	ws := strings.Fields(s[i+2:])
	if len(ws) == 0 || len(ws) > 6 || (ws[0] != "a" && ws[0] != "an" && ws[0] != "the" && ws[0] != "his" && ws[0] != "her") {
		return s
	}
	for _, w := range ws {
		if isCap(w) {
			return s
		}
	}
	return s[:i]
}

// actorPairs: "Simon Rex as Mikey Saber", "Hidetoshi Nishijima plays
// Yusuke Kafuku", "Frances McDormand stars as Fern", "David Strathairn,
// who plays Dave", "Amy Adams plays the linguist Louise Banks".
// "as" says little on its own ("just as much"), so the actor must be
// known, in a cast section, or the next in a list of pairs: "Daniel
// Kaluuya as Chris and Allison Williams as Rose".
//
// The actor's name ends in a capitalised word, so only the text after
// each of the unit's capitalised words ws is looked at: searching the
// whole text for " as " costs more than everything else here.
func (x *extractor) actorPairs(s string, ws []word, cast bool) {
	chain := -1 // where the last pair's character ended
	for _, w := range ws {
		e := int(w.end)
		if w.poss || e >= len(s) || s[e] != ' ' && s[e] != ',' || !isCap(w.s) {
			continue
		}
		n, strong := actorVerb(s[e:])
		if n == 0 {
			continue
		}
		if !strong && s[e:e+n] == " as " && starredBefore(s[:e]) {
			// "stars Benedict Cumberbatch as neurosurgeon Stephen
			// Strange": the verb before the actor says who is who.
			strong = true
		}
		if !strong && !isCap(s[e+n:]) {
			continue
		}
		if s[e:e+n] == " is " {
			// "Naomie Harris is Paula, Chiron's mother": only a full name
			// that opens with a given name, then a name ending the clause.
			x.isPair(s, s[:e], e+n)
			continue
		}
		if end, ok := x.actorPair(s, s[:e], e+n, strong, cast, chain); ok {
			chain = end
		}
	}
}

// starredBefore reports an actor's name (ending s) that a starring verb
// introduces: "It stars X", "starring X", "features X", "with X" after one.
func starredBefore(s string) bool {
	actor := runBefore(s)
	if actor == "" || wordCount(actor) < 2 {
		return false
	}
	pre := strings.ToLower(strings.TrimRight(s[:max(0, len(s)-len(actor))], " "))
	for _, v := range []string{" stars", " star", "starring", " features", "featuring", " stars actor", " stars actress"} {
		if strings.HasSuffix(pre, v) {
			return true
		}
	}
	return false
}

// actorVerbs join an actor to a character; strong ones say on their own
// that the name before them is an actor's.
var actorVerbs = []struct {
	text   string
	strong bool
}{{" as ", false}, {" plays ", true}, {" stars as ", true}, {" portrays ", true}, {", who plays ", true}, {" who plays ", true},
	{", as ", true}, {" is ", false}}

// actorVerbStart marks the bytes that follow the opening space of an
// actor verb.
var actorVerbStart = func() (t [256]bool) {
	for _, v := range actorVerbs {
		if v.text[0] == ' ' {
			t[v.text[1]] = true
		}
	}
	return t
}()

// isPair reads "Actor is Character" where the sentence gives nothing
// else: the actor a given name and a surname, the character one to three
// capitalised words closing the clause.
func (x *extractor) isPair(s, before string, i int) {
	actor := runBefore(before)
	words, first := 0, "" // strings.Fields without its slice: " is " is a common verb
	for w := range strings.FieldsSeq(actor) {
		if words == 0 {
			first = w
		}
		words++
	}
	if words < 2 || words > 4 || !firstNames[first] {
		return
	}
	character := nameAfter(s[i:], 0)
	if character == "" || wordCount(character) > 3 || !isNameLike(character) {
		return
	}
	end := i + strings.Index(s[i:], character) + len(character)
	if end < len(s) && !strings.ContainsRune(",.;(", rune(s[end])) && !strings.HasPrefix(s[end:], " and ") {
		return
	}
	x.pair(actor, character)
}

// actorVerb returns the length of the actor verb that opens s, or 0.
func actorVerb(s string) (n int, strong bool) {
	// It runs after every capitalised word: the byte after the space
	// settles most of them, since every verb opens with ", " or with
	// " " and one of a, i, p, s, w.
	if len(s) < 4 || s[0] == ' ' && !actorVerbStart[s[1]] {
		return 0, false
	}
	for _, v := range actorVerbs {
		if strings.HasPrefix(s, v.text) {
			return len(v.text), v.strong
		}
	}
	return 0, false
}

// actorPair pairs the actor ending before with the character starting at
// s[i:], and returns where the character ends. strong says the verb
// ("plays", "stars as") marks an actor; chain is where the pair before
// it in a list ended, or -1.
func (x *extractor) actorPair(s, before string, i int, strong, cast bool, chain int) (int, bool) {
	actor := runBefore(before)
	if actor == "" {
		return 0, false // no need to read the character
	}
	// The test at the end, on the actor alone, made first: most names
	// before "as" fail it, and need no character read.
	_, known := x.resolve(actor)
	listed := chain >= 0 && isListGap(s[chain:max(chain, len(before)-len(actor))])
	if !(strong && (known || wordCount(actor) >= 2) || (known || cast || listed) && wordCount(actor) >= 2) {
		return 0, false
	}
	skip := 0
	if strong {
		skip = 2 // "plays the linguist Louise Banks"
	}
	character := nameAfter(s[i:], skip)
	if trimmed := trimNoteMark(character); trimmed != character {
		// "Condemned Officer.2": a footnote mark the page left behind.
		character = trimmed
	}
	if actor == "" || character == "" || !isNameLike(actor) || !characterLike(character) || possessiveAt(s[i:], character) {
		return 0, false
	}
	character = withNickname(s[i:], character)
	x.pair(actor, character)
	return i + strings.Index(s[i:], character) + len(character), true
}

// characterLike is isNameLike for a character's name, which may hold
// "of" and "the": "Tigris of Gaul", "Lady of the Lake".
func characterLike(s string) bool {
	if isNameLike(s) {
		return true
	}
	if !strings.Contains(s, " of ") {
		return false
	}
	return isNameLike(strings.NewReplacer(" of the ", " ", " of ", " ").Replace(s))
}

// trimNoteMark drops a footnote number glued to the end of a name:
// "Officer.2", "Officer2" (never "Apollo 13", where a space comes first).
func trimNoteMark(s string) string {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 3 || i == 0 {
		return s
	}
	j := i
	if s[j-1] == '.' {
		j--
	}
	if j == 0 || s[j-1] == ' ' || s[j-1] >= '0' && s[j-1] <= '9' {
		return s
	}
	return s[:j]
}

// possessiveAt reports whether name, found in s, is a possessive:
// "plays Andrew's father" names the father, not Andrew.
func possessiveAt(s, name string) bool {
	k := strings.Index(s, name)
	if k < 0 {
		return false
	}
	rest := s[k+len(name):]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// withNickname extends a character's name over a quoted nickname and the
// surname after it, as cast lists print them: "Oracene \"Brandy\" Price",
// "Oswald “Oz” Cobblepot". rest is the text the name starts in.
func withNickname(rest, name string) string {
	at := strings.Index(rest, name)
	if at < 0 {
		return name
	}
	tail := rest[at+len(name):]
	if !strings.HasPrefix(tail, " ") {
		return name
	}
	t := tail[1:]
	var closing string
	switch {
	case strings.HasPrefix(t, "\""):
		closing, t = "\"", t[1:]
	case strings.HasPrefix(t, "“"):
		closing, t = "”", t[len("“"):]
	case strings.HasPrefix(t, "'"):
		closing, t = "'", t[1:]
	default:
		return name
	}
	end := strings.Index(t, closing)
	if end <= 0 || end > 30 || !isCap(t[:end]) || strings.ContainsAny(t[:end], ",.;") {
		return name
	}
	after := t[end+len(closing):]
	if !strings.HasPrefix(after, " ") {
		return name
	}
	surname := nameAfter(after[1:], 0)
	if surname == "" || wordCount(surname) > 2 {
		return name
	}
	return name + tail[:1+len(tail[1:])-len(t)+end+len(closing)+1] + surname
}

// citationEntry opens a bibliography entry: "Bragg, Melvyn (1998).",
// "Bergman, Ingmar (1960)."
var citationEntry = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+, \p{Lu}[\p{L}.' -]{0,40} \((1[89]|20)\d\d[a-z]?\)\.`)

// bibliographic reports a paragraph that is a reference entry, not prose.
func bibliographic(s string) bool {
	return citationEntry.MatchString(citationHead(s)) || strings.Contains(s, "ISBN ") || strings.Contains(s, "ISBN-")
}

// citationHead is the part of s that citationEntry can match. Its
// surname admits no comma, so the first comma of s ends it; what follows
// is at most 180 bytes (a capital, 40 letters of up to four bytes, the
// year). Matching the head gives the same answer as matching all of s,
// without the regexp's cost per byte of a long paragraph.
func citationHead(s string) string {
	i := strings.IndexByte(s, ',')
	if i < 0 || strings.IndexByte(s[:i], ' ') >= 0 {
		return "" // the surname holds no space: most paragraphs stop here
	}
	return s[:min(len(s), i+200)]
}
