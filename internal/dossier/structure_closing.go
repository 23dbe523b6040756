package dossier

import (
	"slices"
	"strings"

	"marquee/internal/film"
)

// conclusionOpeners start an untitled closing paragraph wherever it
// stands after the last heading.
var conclusionOpeners = []string{"In conclusion", "To conclude", "In summary", "To sum up", "In closing", "All in all,", "In the end,"}

// weakOpeners also open paragraphs that are not conclusions ("Overall,
// critics were kind."), so they count only for the last paragraph of a
// section that already has text.
var weakOpeners = []string{"Ultimately,", "Overall,", "In short,", "Taken together,", "All told,"}

func opensConclusion(p string) bool {
	return hasAnyPrefix(p, conclusionOpeners...)
}

// closing reports whether paragraph blocks[i] is an untitled conclusion.
func closing(blocks []block, i int, cur *film.Section) bool {
	p := blocks[i].text
	if opensConclusion(p) {
		return true
	}
	if !hasAnyPrefix(p, weakOpeners...) || cur == nil || len(cur.Blocks)+len(cur.Subsections) == 0 {
		return false
	}
	return i+1 == len(blocks) || blocks[i+1].kind == bHeading || blocks[i+1].kind == bQuestion
}

// verdict reports a "Verdict: …" or "Final thoughts: …" paragraph: a
// label naming a conclusion, which a review puts after its last heading.
func verdict(b block) bool {
	label, _, ok := labelOf(b.text)
	if !ok {
		return false
	}
	k, known := synonyms[normHeading(plainInline(label))]
	return known && k == film.SectionConclusion
}

// apparatus names the reference apparatus of an encyclopedia article:
// citations and links, not part of the article a reader reads.
var apparatus = map[string]bool{"references": true, "notes": true, "external links": true, "sources": true,
	"citations": true, "footnotes": true, "further reading": true, "bibliography": true, "notes and references": true,
	"see also": true, "works cited": true, "references and notes": true, "sources cited": true}

// skipping drops a references section, heading and all, reporting it as
// noise; it ends at the next section heading.
func (bd *builder) skipping(b block, r role) bool {
	if b.kind == bHeading && r == roleSection {
		bd.skip = b.refs
		if bd.skip {
			bd.close()
		}
	}
	if !bd.skip {
		return false
	}
	text := b.text
	if b.kind != bHeading {
		text = toBlock(b).PlainText()
	}
	// Back matter (References, See also, External links) is data, not a
	// section: kept in Dossier.References.
	if b.kind != bHeading {
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(plainInline(l)); l != "" {
				bd.d.References = append(bd.d.References, l)
			}
		}
	}
	return true
}

// questionRun returns the span [first, end) of blocks holding the
// section headings that end the article — but for a closing conclusion or
// references — when there are at least two and all are questions: an
// FAQ written as question headings with no FAQ heading. It returns an
// empty span at len(blocks) when there is none.
func questionRun(blocks []block, roles []role) (first, end int) {
	first, end = len(blocks), len(blocks)
	n, tail := 0, true
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if b.kind != bHeading || roles[i] != roleSection {
			continue
		}
		if tail && n == 0 && !endsQuestion(b.text) && (b.refs || b.hkind == film.SectionConclusion) {
			end = i // "Final Thoughts" may follow the questions
			continue
		}
		tail = false
		if !endsQuestion(b.text) || b.hkind == film.SectionFAQ || b.refs {
			break
		}
		first, n = i, n+1
	}
	if n < 2 {
		return len(blocks), len(blocks)
	}
	return first, end
}

// lastBefore is the last section heading before block end, or -1.
func lastBefore(blocks []block, roles []role, end int) int {
	for i := end - 1; i >= 0; i-- {
		if blocks[i].kind == bHeading && roles[i] == roleSection {
			return i
		}
	}
	return -1
}

// sortNoise orders noise by line: references are found after the page
// furniture that follows them.
func sortNoise(ns []film.Noise) {
	slices.SortStableFunc(ns, func(a, b film.Noise) int { return a.Line - b.Line })
}

// inlinePairs adds FAQ pairs written one to a paragraph or list item,
// "**Is it rated R?** Yes.", and reports whether b was made of them.
func (bd *builder) inlinePairs(b block) bool {
	items := b.items
	if b.kind == bPara {
		items = []string{b.text}
	} else if b.kind != bList {
		return false
	}
	for _, it := range items {
		if _, _, ok := boldQuestion(it); !ok {
			return false
		}
	}
	for _, it := range items {
		q, a, _ := boldQuestion(it)
		bd.question(q, b.line)
		bd.answer = append(bd.answer, plainInline(a))
	}
	return true
}
