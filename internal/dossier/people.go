package dossier

import (
	"strings"

	"marquee/internal/film"
)

// personCues, found just before a capitalised run, say it names a person.
var personCues = []string{"directed by ", "written by ", "produced by ", "portrayed by ", "played by ",
	"led by ", "starring ", "stars ", "featuring ", "director ", "filmmaker ", "cinematographer ", "co-cinematographer ",
	"collaborator ", "actor ", "actress ", "producer ", "producers ", "composer ", "editor ", "screenwriter ",
	"co-writer ", "co-star ", "star ", "regular ", "newcomer ", "shot by ", "edited by ", "scored by ", "music by "}

// harvest is the first pass: it learns who the people are (from cues,
// cast lists, common first names and the catalog) so that the second
// pass can expand surnames and attribute quotes.
func (x *extractor) harvest(us []unit) {
	total := 0
	for _, u := range us {
		total += len(u.text)
	}
	x.words = make([]word, 0, total/14+16) // about one kept word in 20 bytes, with room
	for i := range us {
		u := &us[i]
		u.spans = quoteSpans(u.text)
		spans := u.spans
		// One slice holds every unit's words: far fewer allocations
		// than a slice per paragraph.
		from := len(x.words)
		x.words = tokenizeCaps(u.text, x.words)
		u.ws = x.words[from:len(x.words):len(x.words)]
		ws := u.ws
		capRuns(u.text, ws, func(a, b int) {
			if inSpans(spans, int(ws[a].start)) {
				return
			}
			for a < b && stopCaps[ws[a].s] {
				a++
			}
			b = cutAtOf(ws, a, b)
			if b-a < 1 || b-a > 4 || orgWords[ws[b-1].s] || isGazetteer(joinWords(ws, a, b)) {
				return
			}
			name := joinWords(ws, a, b)
			switch {
			case x.known[name]:
			case b-a >= 2 && firstNames[ws[a].s]:
				x.learn(name)
			case b-a >= 2 && hasCue(u.text[:int(ws[a].start)]):
				x.learn(name)
			case b-a >= 2:
				if _, ok := x.lookupPerson(name); ok {
					x.learn(name)
				}
			}
		})
		x.castPairs(*u, spans)
	}
}

// cutAtOf ends a would-be name before "of" or "the": "Jane Smith of
// Slant" is Jane Smith. ("de", "van" and the like stay: they are part of
// names.)
func cutAtOf(ws []word, a, b int) int {
	for k := a + 1; k < b; k++ {
		if ws[k].s == "of" || ws[k].s == "the" {
			return k
		}
	}
	return b
}

func isGazetteer(s string) bool { return places[s] || publications[s] }

func hasCue(before string) bool { return hasSuffixAny(before, personCues) }

// castPairs finds "Character (Actor)", "Actor (Character)", "Actor as
// Character" and "Character, portrayed … by Actor".
func (x *extractor) castPairs(u unit, spans []span) {
	s := u.text
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
}

// runBefore returns the capitalised run that ends just before "(".
func runBefore(s string) string {
	s = strings.TrimRight(s, " ")
	if len(s) > 80 {
		s = s[len(s)-80:]
	}
	ws := tokenize(s, nil)
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
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, "*_,")
		if w == "" || !isCap(w) || orgWords[w] || w == "Best" || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

func (x *extractor) pair(person, character string) {
	key := person + "\x00" + character
	if x.pairs[key] {
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
		p := strings.Index(s, verb)
		if p <= 0 {
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
		character := runBefore(before)
		if actor != "" && character != "" && isNameLike(actor) && isNameLike(character) {
			x.pair(actor, character)
		}
	}
	if p := strings.Index(s, " as "); p > 0 && p+4 < len(s) && isCap(s[p+4:]) {
		actor, character := runBefore(s[:p]), nameAfter(s[p+4:], 0)
		_, known := x.resolve(actor)
		if (known || cast) && character != "" && isNameLike(actor) && isNameLike(character) && wordCount(actor) >= 2 {
			x.pair(actor, character)
		}
	}
}
