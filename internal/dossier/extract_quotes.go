package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
)

var speechCues = []string{"said", "says", "stating", "stated", "explained", "explains", "recalled", "recalls",
	"described", "told", "noted", "added", "remarked", "reflected", "admitted", "quipped", "wrote", "writes",
	"put it", "this way", "saying", "declared", "insisted", "observed", "commented", "joked", "asked", "argued",
	"according to", "in the words of", "called", "calls", "calling", "describing", "writing in", "writing for",
	"explaining", "noting", "adding", "concluding", "concluded"}

// quotes records the real quotations in u: long enough to be speech, or
// introduced by a speech verb or a colon. Titles are not quotations.
func (x *extractor) quotes(u unit, spans []span, prev string) {
	last, lastEnd := -1, 0 // the quotation last recorded from u, and where it ended
	lastClose := 0         // past that quotation's closing mark
	for _, sp := range spans {
		q := strings.TrimSpace(u.text[sp.start:sp.end])
		if last >= 0 && continues(q, u.text[lastEnd:sp.start]) {
			// "“It's about the family I grew up in,” Chung told NPR,
			// “and the one I have now.”" is one quotation.
			x.d.Quotes[last].Text += " " + q
			lastEnd = sp.end
			continue
		}
		open, closeLen := sp.start-3, 3
		if c := u.text[sp.start-1]; c == '"' || c == '\'' {
			open, closeLen = sp.start-1, 1
		}
		after := afterClause(u.text[min(len(u.text), sp.end+closeLen):])
		if !isQuotation(q, u.text[:open], after) {
			continue
		}
		at := clauseStart(u.text, open, spans)
		narrowed := false
		if prevEnd := lastClose; last >= 0 && prevEnd > at && prevEnd <= open {
			// The clause starts after the quotation before it: "…,’ while
			// Bradshaw said ‘…’" is Bradshaw's, not the first speaker's.
			at, narrowed = prevEnd, true
		}
		clause := u.text[at:open]
		// The sentence attributes the quotation: "…,” Maslin said" or
		// "Ebert wrote: “…”". A clause that names someone without a
		// speech verb ("Mifune plays Kikuchiyo. ‘…’") attributes nothing.
		speaker := ""
		if attributesBefore(q, after) {
			speaker = x.speakerAfter(after, u.text[max(0, at-600):at], prev)
		}
		if speaker == "" && (cuedClause(clause) || hasPronoun(clause)) {
			speaker = x.speakerIn(clause, u.text[max(0, at-600):at], prev)
		}
		if speaker == "" && strings.TrimSpace(clause) == "" && last >= 0 && open-lastEnd < 100 &&
			strings.Contains(u.text[lastEnd:open], ". ") && cuedClause(u.text[lastEnd:open]) {
			// "‘A,’ Wells told the Guardian. ‘B.’": B is Wells's too.
			speaker = x.d.Quotes[last].Speaker
		}
		source := x.source(clause)
		if source == "" && !quoteEndsSentence(q) {
			// Only words of the quotation's own sentence name its
			// source: after “… alcoholism.” a new sentence begins.
			source = x.source(after)
		}
		if source == "" && speaker == "" && refersBack(clause) {
			// "The website's critics consensus states: …" names the
			// publication of the sentence before.
			source = x.source(u.text[max(0, at-300):at])
		}
		if speaker != "" && titledIn(clause, speaker) != "" {
			// "The Evening Standard stated …": a name the article sets
			// as a title is a publication, not a person; "Theron Martin
			// from Anime News Network wrote" names both.
			source, speaker = titledIn(clause, speaker), ""
			if p := subjectSpeaker(clause); p != "" && p != source {
				speaker = p
			}
		}
		if speaker == "" && narrowed && !cuedClause(clause) && !hasPronoun(clause) && x.lastPerson(clause, nil) == "" {
			// "Tookey wrote that the actresses were ‘…’, the film ‘…’":
			// a quotation that goes on the sentence of the one before,
			// naming no one new, is the same speaker's.
			speaker, source = x.d.Quotes[last].Speaker, x.d.Quotes[last].Source
		}
		slug := ""
		if speaker != "" {
			slug, _ = x.lookupPerson(speaker)
		} else if cuedClause(clause) && byDirector(clause) || attributesBefore(q, after) && byDirector(after) {
			// "the director said: “…”": the film's director, once the
			// film is known.
			x.directorQuotes = append(x.directorQuotes, len(x.d.Quotes))
		}
		x.d.Quotes = append(x.d.Quotes, film.Quote{Text: q, Speaker: speaker, Source: source,
			Section: u.kind, Line: u.line, SpeakerSlug: slug})
		last, lastEnd, lastClose = len(x.d.Quotes)-1, sp.end, min(len(u.text), sp.end+closeLen)
	}
}

// byDirector reports a clause that gives a quotation to the film's
// director without naming them: "the director said", "its director told".
func byDirector(clause string) bool {
	c := strings.ToLower(clause)
	return hasAnyContains(c, []string{"the director ", "the film's director", "the film’s director", "its director", "the filmmaker ", "the film-maker "})
}

// attributeToDirector gives the quotations byDirector found to the film's
// director, when the article names one.
func (x *extractor) attributeToDirector() {
	if len(x.d.Film.Directors) != 1 {
		return
	}
	for _, i := range x.directorQuotes {
		if q := &x.d.Quotes[i]; q.Speaker == "" {
			q.Speaker = x.d.Film.Directors[0]
			q.SpeakerSlug, _ = x.lookupPerson(q.Speaker)
		}
	}
}

// titledIn returns name as the clause quotes or italicises it, as a
// title ("“The Evening Standard”"), or "" when it stands bare.
func titledIn(clause, name string) string {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"_", "_"}, {"*", "*"}} {
		for _, t := range []string{"The " + name, name} {
			if strings.Contains(clause, q[0]+t+q[1]) {
				return t
			}
		}
	}
	return ""
}

// attributesBefore reports whether the words after a quotation belong to
// its sentence and open with the attribution: "…,” Maslin said", "…,”
// said Maslin", "…,” she told Variety" — not a new sentence ("….” Jenkins
// has said") nor another clause (", while Bradshaw said").
func attributesBefore(q, after string) bool {
	q = strings.TrimSpace(q)
	if q == "" || strings.HasSuffix(q, ".") {
		return false
	}
	// Only the first six words are read: strings.Fields would split the
	// rest of the paragraph for every quotation in it.
	var first [6]string
	n := 0
	for f := range strings.FieldsSeq(after) {
		first[n] = f
		if n++; n == len(first) {
			break
		}
	}
	ws := first[:n]
	if len(ws) == 0 {
		return false
	}
	w := strings.Trim(ws[0], ",")
	switch {
	case speechVerbs[strings.ToLower(w)], w == "he" || w == "she" || w == "they":
		return true
	case isCap(w) && !stopCaps[w]:
		for _, v := range ws[1:min(len(ws), 6)] {
			if speechVerbs[strings.ToLower(strings.Trim(v, ","))] {
				return true
			}
		}
	}
	return false
}

// cuedClause reports a clause with a speech verb or a colon before the
// quotation: it says who speaks.
func cuedClause(clause string) bool {
	l := lowerText(clause)
	if strings.HasSuffix(strings.TrimSpace(l), ":") {
		return true
	}
	for _, c := range speechCues {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

func isQuotation(q, before, after string) bool {
	n := wordCount(q)
	if _, title := titleSpan(q); title && n < 10 {
		return false
	}
	// Only a quotation of 4 to 11 words needs a cue; the search for one
	// stops at the first, rather than reading the rest of the paragraph.
	if n >= 12 || n < 4 {
		return n >= 12
	}
	tail := lowerText(before[max(0, len(before)-80):])
	if strings.HasSuffix(strings.TrimRight(tail, " "), ":") {
		return true
	}
	for _, c := range speechCues {
		if strings.Contains(tail, c) {
			return true
		}
	}
	for w := range strings.FieldsSeq(after) {
		if speechVerbs[lowerText(strings.Trim(w, ","))] {
			return true
		}
	}
	return false
}

// clauseStart returns where the sentence (up to a full stop or semicolon
// outside quotes) that ends at byte i begins.
func clauseStart(s string, i int, spans []span) int {
	lo := max(0, i-400)
	for j := i - 1; j > lo; j-- {
		if (s[j] == '.' || s[j] == ';' || s[j] == '?' || s[j] == '!') && j+1 < len(s) && s[j+1] == ' ' && !inSpans(spans, j) {
			return j + 1
		}
		// A quotation that ends its sentence: “… themselves.” Jenkins …
		if j >= 1 && s[j] == ' ' && (s[j-1] == '"' || s[j-1] == '\'') && j >= 2 && (s[j-2] == '.' || s[j-2] == '!' || s[j-2] == '?') {
			return j
		}
		if j >= 4 && s[j] == ' ' && (strings.HasSuffix(s[:j], ".”") || strings.HasSuffix(s[:j], ".’")) {
			return j
		}
	}
	return lo
}

// speakerIn finds the last person named in the clause, or resolves a
// pronoun to the last person named in the text just before it, or in the
// paragraph before. The antecedent is near: callers pass a few sentences,
// not the whole paragraph, so many quotes in one paragraph stay linear.
func (x *extractor) speakerIn(clause, before, prev string) string {
	if p := x.lastPerson(clause, nil); p != "" {
		return p
	}
	if p := namedSpeaker(clause); p != "" {
		return p
	}
	if p := subjectSpeaker(clause); p != "" {
		return p
	}
	if !hasPronoun(clause) {
		return ""
	}
	if p := x.lastPerson(before, quoteSpans(before)); p != "" {
		return p
	}
	if len(prev) > 600 {
		prev = prev[len(prev)-600:]
	}
	return x.lastPerson(prev, quoteSpans(prev))
}

func hasPronoun(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.Trim(w, ",:;") {
		case "he", "she", "they":
			return true
		}
	}
	return false
}

// lastPerson returns the last known person named in s outside spans.
func (x *extractor) lastPerson(s string, spans []span) string {
	ws := tokenize(s, nil)
	found := ""
	capRuns(s, ws, func(a, b int) {
		if inSpans(spans, int(ws[a].start)) {
			return
		}
		for a < b && stopCaps[ws[a].s] {
			a++
		}
		for k := a; k < b; k++ {
			for l := min(b, k+4); l > k; l-- {
				if full, ok := x.resolve(joinWords(ws, k, l)); ok {
					found = full
					k = l - 1
					break
				}
			}
		}
	})
	return found
}

// afterClause is what follows a quotation up to the end of its sentence:
// "…,” Baker told IndieWire.
func afterClause(s string) string {
	s = strings.TrimLeft(s, "”’'\", ")
	if len(s) > 80 {
		s = s[:80]
	}
	// The sentence ends at a full stop, or where the next quotation opens
	// after the attribution (", “…"); a quoted title ("told “Sight &
	// Sound”") is part of it.
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.' || s[i] == ';':
			return s[:i]
		case s[i] == '"' || strings.HasPrefix(s[i:], "“") || strings.HasPrefix(s[i:], "‘"):
			if i >= 2 && (s[i-2:i] == ", " || s[i-2:i] == ": ") || i == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// speakerAfter reads “…,” said Baker / “…,” Baker told IndieWire / “…,”
// she said, the pronoun resolved in the text before.
func (x *extractor) speakerAfter(s, before, prev string) string {
	if w, _, _ := strings.Cut(strings.TrimSpace(s), " "); w == "he" || w == "she" || w == "they" {
		return x.speakerIn(w, before, prev)
	}
	// "…,” wrote Roger Ebert, while Gene Siskel said …": the attribution
	// ends where a new clause brings in someone else.
	for _, conj := range []string{", while ", ", whereas ", ", but ", "; "} {
		if k := strings.Index(s, conj); k > 0 {
			s = s[:k]
		}
	}
	said := false
	for w := range strings.FieldsSeq(s) {
		said = said || speechVerbs[strings.ToLower(strings.Trim(w, ","))]
	}
	if !said {
		return ""
	}
	ws := tokenize(s, nil)
	if len(ws) >= 2 && speechVerbs[ws[0].s] && isCap(ws[1].s) {
		// "wrote Roger Ebert": the name right after the verb.
		if name, _, _ := strings.Cut(nameAfter(s[int(ws[1].start):], 0), " of "); name != "" {
			return name
		}
	}
	if p := x.lastPerson(s, nil); p != "" {
		return p
	}
	return namedSpeaker(s)
}

// source names the publication in the clause: from the gazetteer, or
// after "interview with", "speaking to", "told".
func (x *extractor) source(clause string) string {
	var buf [32]word // on the stack: a clause is short
	ws := tokenize(clause, buf[:0])
	found := ""
	// Gazetteer names may hold lower-case words and signs ("Sight and
	// Sound", "Sight & Sound"), so they are matched on the clause's own
	// text across the capitalised runs.
	for k := 0; k < len(ws); k++ {
		if !pubFirst[ws[k].s] {
			continue
		}
		for l := min(len(ws), k+6); l > k; l-- {
			// Up to the word itself: "Variety's" names Variety.
			if name := clause[ws[k].start : int(ws[l-1].start)+len(ws[l-1].s)]; publications[name] {
				found = name
				k = l - 1
				break
			}
		}
	}
	if found != "" {
		return found
	}
	// "Mark Kermode of the Observer called it": a critic and the paper.
	if i := strings.Index(clause, " of the "); i > 0 {
		if name := nameAfter(clause[i+len(" of the "):], 0); name != "" && !places[name] {
			if _, person := x.resolve(name); !person {
				return name
			}
		}
	}
	capRuns(clause, ws, func(a, b int) {
		if found == "" {
			before := strings.TrimRight(clause[:int(ws[a].start)], "“\"_*")
			after := clause[min(len(clause), int(ws[b-1].start)+len(ws[b-1].s)):]
			if hasSuffixIn(before, pubCueIndex) || hasSuffixAny(before, reviewCues) || criticAfter(after) && !stopCaps[ws[a].s] {
				if _, person := x.resolve(joinWords(ws, a, b)); !person {
					found = joinWords(ws, a, b)
				}
			}
		}
	})
	return found
}

var speechVerbs = setOf("said|says|called|calls|calling|told|tells|explained|explains|recalled|recalls|stated|states|added|noted|reflected|described|wrote|writes|remarked|insisted|admitted|joked|argued|put|reported|reports|saying|adding|explaining|noting|concluded|concludes")

// namedSpeaker finds "Baker said" in a clause when Baker is nobody the
// article has introduced: the name right before a speech verb.
func namedSpeaker(clause string) string {
	var buf [32]word // on the stack: a clause is short
	ws := tokenize(clause, buf[:0])
	found := ""
	capRuns(clause, ws, func(a, b int) {
		for a < b && stopCaps[ws[a].s] {
			a++
		}
		if a < b && b < len(ws) && speechVerbs[ws[b].s] && !isGazetteerRun(ws, a, b) {
			found = joinWords(ws, a, b)
		}
	})
	return found
}

// subjectSpeaker finds "Manohla Dargis of The New York Times wrote":
// a name of two or more words opening the clause, before its speech verb.
func subjectSpeaker(clause string) string {
	var buf [32]word // on the stack: a clause is short
	ws := tokenize(clause, buf[:0])
	found, done := "", false
	capRuns(clause, ws, func(a, b int) {
		if done {
			return
		}
		done = true
		for a < b && stopCaps[ws[a].s] {
			a++
		}
		b = cutAtOf(ws, a, b)
		if b-a < 2 || b-a > 4 || isGazetteerRun(ws, a, b) || orgWords[ws[b-1].s] {
			return
		}
		for _, w := range ws[b:] {
			if speechVerbs[w.s] {
				found = joinWords(ws, a, b)
				return
			}
		}
	})
	return found
}

// continues reports whether quoted text q carries on the quotation
// before it: it starts in lower case, and the gap between them is only an
// attribution ending in a comma.
func continues(q, gap string) bool {
	if len(gap) > 80 || q == "" || q[0] < 'a' || q[0] > 'z' {
		return false
	}
	if !strings.HasSuffix(strings.TrimRight(gap, "“‘'\" "), ",") {
		return false
	}
	for w := range strings.FieldsSeq(gap) {
		if speechVerbs[strings.Trim(w, ",”’'\"")] {
			return true
		}
	}
	return false
}

// quoteEndsSentence reports a quotation that closes its sentence inside the
// marks: “… the effects of alcoholism.”
func quoteEndsSentence(q string) bool {
	q = strings.TrimRight(strings.TrimSpace(q), "”’\"'")
	return strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?")
}

// backRefs name a publication already named: "the website's critics
// consensus", "the paper's critic".
var backRefs = []string{"the website", "the site's", "the site ", "the paper", "the newspaper", "the magazine", "the publication", "the aggregator"}

// refersBack reports a clause that names its source only by reference.
func refersBack(clause string) bool {
	return hasAnyContains(strings.ToLower(clause), backRefs)
}

// interviewQuotes reads the pull quotes an interview sets between its
// answers ("> ‘The sea does not care who owns the licence’") and gives
// each to the one whose answer says those words, named in full from the
// label of that speaker's first answer ("**Xoán de la Torre:**", then
// "**XT:**"). A pull quote no answer says is nobody's.
func (x *extractor) interviewQuotes(d *film.Dossier) {
	if len(d.Interview) == 0 {
		return
	}
	full := map[string]string{} // initials → name
	speakers := make([]string, len(d.Interview))
	for i, qa := range d.Interview {
		label, ok := speakerLabel(qa.Answer)
		if !ok {
			continue
		}
		if !initials(label) {
			full[nameInitials(label)] = label
			speakers[i] = label
		} else if name := full[strings.ReplaceAll(label, ".", "")]; name != "" {
			speakers[i] = name
		}
	}
	for _, qa := range d.Interview {
		for _, line := range strings.Split(qa.Answer, "\n") {
			t, ok := strings.CutPrefix(strings.TrimSpace(line), "> ")
			if !ok {
				continue
			}
			t = strings.Trim(strings.TrimSpace(t), "‘’“”\"'")
			if wordCount(t) < 3 {
				continue
			}
			speaker := ""
			for k, other := range d.Interview {
				if speakers[k] != "" && strings.Contains(strings.ToLower(other.Answer), strings.ToLower(t)) && !strings.Contains(other.Answer, "> "+line[strings.Index(line, ">")+2:]) {
					speaker = speakers[k]
					break
				}
			}
			slug := ""
			if speaker != "" {
				slug, _ = x.lookupPerson(speaker)
			}
			d.Quotes = append(d.Quotes, film.Quote{Text: t, Speaker: speaker, SpeakerSlug: slug, Line: qa.Line})
		}
	}
}

// nameInitials: "Xoán de la Torre" → "XT", "Maryam al-Khawaja" → "MK".
func nameInitials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if i := strings.LastIndex(w, "-"); i >= 0 && i+1 < len(w) && !isCap(w) {
			w = w[i+1:]
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
