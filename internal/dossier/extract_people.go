package dossier

// personCues, found just before a capitalised run, say it names a person.
var personCues = []string{"directed by ", "written by ", "produced by ", "portrayed by ", "played by ",
	"led by ", "starring ", "stars ", "featuring ", "director ", "filmmaker ", "cinematographer ", "co-cinematographer ",
	"collaborator ", "actor ", "actress ", "producer ", "producers ", "composer ", "editor ", "screenwriter ",
	"co-writer ", "co-star ", "star ", "regular ", "newcomer ", "shot by ", "edited by ", "scored by ", "music by ",
	"co-wrote it with ", "wrote it with ", "co-written with ", "written with ", "co-directed with "}

// harvest is the first pass: it learns who the people are (from cues,
// cast lists, common first names and the catalog) so that the second
// pass can expand surnames and attribute quotes.
func (x *extractor) harvest(us []unit) {
	total := 0
	for _, u := range us {
		total += len(u.text)
	}
	x.words = wordScratch.get(total/14 + 16) // about one kept word in 20 bytes, with room
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
		classWords(ws)
		var prev prevRun
		capRuns(u.text, ws, func(a, b int) {
			prev = x.harvestRun(u.text, ws, a, b, spans, prev)
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

// Word classes, so that one look-up of a word in wordClass answers what
// harvestRun, run and person ask of it: stopCaps, orgWords, firstNames,
// whether it opens a gazetteer name and the most words such a name has
// (gazetteerWords, at most 6, in the bits above wcGazShift).
const (
	wcStop uint8 = 1 << iota
	wcOrg
	wcGiven
	wcGazetteer

	wcGazShift = 4
)

// gazWords is gazetteerWords[w.s] for a word classWords has classed.
func (w *word) gazWords() int { return int(w.cls >> wcGazShift) }

// classWords looks up, once, the class of each word of a unit that can
// stand in a capitalised run (a capitalised word or a connector): the
// runs of harvest and mentions read it from the word.
func classWords(ws []word) {
	for k := range ws {
		if w := &ws[k]; w.cap || isConnector(w.s) {
			w.cls = wordClass[w.s]
		}
	}
}

var wordClass = func() map[string]uint8 {
	m := make(map[string]uint8, len(firstNames)+len(gazetteerWords))
	for _, set := range []struct {
		words map[string]bool
		class uint8
	}{{stopCaps, wcStop}, {orgWords, wcOrg}, {firstNames, wcGiven}} {
		for w, ok := range set.words {
			if ok {
				m[w] |= set.class
			}
		}
	}
	for w, n := range gazetteerWords {
		if n > 0 {
			m[w] |= wcGazetteer | uint8(n)<<wcGazShift
		}
	}
	return m
}()

// isGazetteerRun is isGazetteer(joinWords(ws, a, b)). A place or
// publication name opens with a word gazetteerWords lists, so a run that
// opens with any other word (most of them) needs no look-up of its name.
func isGazetteerRun(ws []word, a, b int) bool {
	return gazetteerWords[ws[a].s] > 0 && isGazetteer(joinWords(ws, a, b))
}

func hasCue(before string) bool { return hasSuffixIn(before, personCueIndex) }

var personCueIndex = newCueIndex(personCues)

// prevRun is what harvestRun remembers of the run before, for lists of
// names: "starring John C. Reilly, Jonah Hill and Marisa Tomei", "Mark
// and Jay Duplass".
type prevRun struct {
	end    int    // byte offset where the run ends; 0 for none
	cued   bool   // a person cue or a common first name, directly or through the list, led to it
	single string // a lone cued first name, which may share the next surname
}

// harvestRun learns the person a capitalised run names, if the evidence
// says it is one, and returns what the next run needs to know of it.
func (x *extractor) harvestRun(s string, ws []word, a, b int, spans []span, prev prevRun) prevRun {
	if inSpans(spans, int(ws[a].start)) {
		return prevRun{}
	}
	var ca uint8 // the class of ws[a], once the stop words are skipped
	for a < b {
		if ca = ws[a].cls; ca&wcStop == 0 {
			break
		}
		a++
	}
	b = cutAtOf(ws, a, b)
	if b-a < 1 || b-a > 4 {
		return prevRun{}
	}
	cb := ca
	if b-1 > a {
		cb = ws[b-1].cls
	}
	if cb&wcOrg != 0 || ca&wcGazetteer != 0 && isGazetteer(joinWords(ws, a, b)) {
		return prevRun{}
	}
	name := joinWords(ws, a, b)
	at := int(ws[a].start)
	gap := ""
	if prev.end > 0 && prev.end <= at {
		gap = s[prev.end:at]
	}
	cued := hasCue(s[:at]) || prev.cued && isListGap(gap)
	given := ca&wcGiven != 0
	named := cued || b-a >= 2 && given
	if prev.single != "" && gap == " and " && b-a >= 2 {
		// The brothers share the surname written once.
		x.learn(prev.single + " " + ws[b-1].s)
		x.siblings[prev.single] = prev.single + " " + ws[b-1].s
	}
	switch {
	case x.known[name]:
	case b-a >= 2 && (given || cued || hasAfterCue(s[int(ws[b-1].end):], ws[b-1].poss)):
		x.learn(name)
	case b-a >= 2:
		if _, ok := x.lookupPerson(name); ok {
			x.learn(name)
		}
	}
	next := prevRun{end: int(ws[b-1].end), cued: named}
	if b-a == 1 && !ws[a].poss && (cued || given) { // name is ws[a].s
		next.single = name
	}
	return next
}

// isListGap: what separates names in a list.
func isListGap(g string) bool {
	return g == ", " || g == " and " || g == ", and " || g == " & "
}

// afterCues, just after a capitalised run, say it names a person:
// "Hidetoshi Nishijima plays …", "Bradford Young shot the film".
var afterCues = []string{" plays ", " stars as ", " (as ", " shot the film", " composed ", " scored the film",
	" wrote the score", " co-wrote ", " co-directed "}

// possCues follow a possessive person: "Jon Brion's score".
var possCues = []string{" score", " music", " cinematography", " camera", " screenplay", " script",
	" performance", " direction", " editing",
	// "Céline Sciamma’s “Portrait of a Lady on Fire”", "Charlotte Wells’s debut": a filmmaker.
	" “", " debut", " first film", " new film", " latest", " film", " feature", " third feature", " second feature"}

func hasAfterCue(after string, poss bool) bool {
	after = after[:min(len(after), 20)]
	if poss {
		return hasAnyPrefix(after, possCues...)
	}
	return hasAnyPrefix(after, afterCues...)
}
