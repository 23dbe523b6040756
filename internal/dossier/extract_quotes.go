package dossier

import (
	"strings"

	"marquee/internal/film"
)

var speechCues = []string{"said", "says", "stating", "stated", "explained", "explains", "recalled", "recalls",
	"described", "told", "noted", "added", "remarked", "reflected", "admitted", "quipped", "wrote", "writes",
	"put it", "this way", "saying", "declared", "insisted", "observed", "commented", "joked", "asked", "argued",
	"according to", "in the words of"}

// quotes records the real quotations in u: long enough to be speech, or
// introduced by a speech verb or a colon. Titles are not quotations.
func (x *extractor) quotes(u unit, spans []span, prev string) {
	last, lastEnd := -1, 0 // the quotation last recorded from u, and where it ended
	for _, sp := range spans {
		q := strings.TrimSpace(u.text[sp.start:sp.end])
		if last >= 0 && continues(q, u.text[lastEnd:sp.start]) {
			// "“It's about the family I grew up in,” Chung told NPR,
			// “and the one I have now.”" is one quotation.
			x.d.Quotes[last].Text += " " + q
			lastEnd = sp.end
			continue
		}
		open := sp.start - 3
		if u.text[sp.start-1] == '"' {
			open = sp.start - 1
		}
		after := afterClause(u.text[min(len(u.text), sp.end+1):])
		if !isQuotation(q, u.text[:open], after) {
			continue
		}
		at := clauseStart(u.text, open, spans)
		clause := u.text[at:open]
		speaker := x.speakerIn(clause, u.text[max(0, at-600):at], prev)
		if speaker == "" {
			speaker = x.speakerAfter(after)
		}
		source := x.source(clause)
		if source == "" {
			source = x.source(after)
		}
		slug := ""
		if speaker != "" {
			slug, _ = x.lookupPerson(speaker)
		}
		x.d.Quotes = append(x.d.Quotes, film.Quote{Text: q, Speaker: speaker, Source: source,
			Section: u.kind, Line: u.line, SpeakerSlug: slug})
		last, lastEnd = len(x.d.Quotes)-1, sp.end
	}
}

func isQuotation(q, before, after string) bool {
	n := wordCount(q)
	if _, title := titleSpan(q); title && n < 10 {
		return false
	}
	tail := strings.ToLower(before[max(0, len(before)-80):])
	cued := strings.HasSuffix(strings.TrimRight(tail, " "), ":")
	for _, c := range speechCues {
		cued = cued || strings.Contains(tail, c)
	}
	for w := range strings.FieldsSeq(after) {
		cued = cued || speechVerbs[strings.ToLower(strings.Trim(w, ","))]
	}
	return n >= 4 && cued || n >= 12
}

// clauseStart returns where the sentence (up to a full stop or semicolon
// outside quotes) that ends at byte i begins.
func clauseStart(s string, i int, spans []span) int {
	lo := max(0, i-400)
	for j := i - 1; j > lo; j-- {
		if (s[j] == '.' || s[j] == ';' || s[j] == '?' || s[j] == '!') && j+1 < len(s) && s[j+1] == ' ' && !inSpans(spans, j) {
			return j + 1
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
	s = strings.TrimLeft(s, "”\", ")
	if len(s) > 80 {
		s = s[:80]
	}
	if i := strings.IndexAny(s, ".;“\""); i >= 0 {
		s = s[:i]
	}
	return s
}

// speakerAfter reads “…,” said Baker / “…,” Baker told IndieWire.
func (x *extractor) speakerAfter(s string) string {
	said := false
	for w := range strings.FieldsSeq(s) {
		said = said || speechVerbs[strings.ToLower(strings.Trim(w, ","))]
	}
	if !said {
		return ""
	}
	if p := x.lastPerson(s, nil); p != "" {
		return p
	}
	if p := namedSpeaker(s); p != "" {
		return p
	}
	ws := tokenize(s, nil)
	if len(ws) >= 2 && speechVerbs[ws[0].s] && isCap(ws[1].s) {
		name, _, _ := strings.Cut(nameAfter(s[int(ws[1].start):], 0), " of ")
		return name
	}
	return ""
}

// source names the publication in the clause: from the gazetteer, or
// after "interview with", "speaking to", "told".
func (x *extractor) source(clause string) string {
	ws := tokenize(clause, nil)
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
	capRuns(clause, ws, func(a, b int) {
		if found == "" {
			if hasSuffixAny(clause[:int(ws[a].start)], pubCues) {
				if _, person := x.resolve(joinWords(ws, a, b)); !person {
					found = joinWords(ws, a, b)
				}
			}
		}
	})
	return found
}

var speechVerbs = setOf("said|says|told|tells|explained|explains|recalled|recalls|stated|states|added|noted|reflected|described|wrote|writes|remarked|insisted|admitted|joked|argued|put")

// namedSpeaker finds "Baker said" in a clause when Baker is nobody the
// article has introduced: the name right before a speech verb.
func namedSpeaker(clause string) string {
	ws := tokenize(clause, nil)
	found := ""
	capRuns(clause, ws, func(a, b int) {
		for a < b && stopCaps[ws[a].s] {
			a++
		}
		if a < b && b < len(ws) && speechVerbs[ws[b].s] && !isGazetteer(joinWords(ws, a, b)) {
			found = joinWords(ws, a, b)
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
	if !strings.HasSuffix(strings.TrimRight(gap, "“\" "), ",") {
		return false
	}
	for w := range strings.FieldsSeq(gap) {
		if speechVerbs[strings.Trim(w, ",”\"")] {
			return true
		}
	}
	return false
}
