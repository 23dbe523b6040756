package search

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Document kinds, as search keys carry them (keys.go).
const (
	docFilm = 1 + iota
	docPerson
	docCharacter
	docTheme
	docSection
)

var kindNames = map[int]string{docFilm: KindFilm, docPerson: KindPerson, docCharacter: KindCharacter, docTheme: KindTheme, docSection: KindDossier}

var kindCodes = map[string]int{KindFilm: docFilm, KindPerson: docPerson, KindCharacter: docCharacter, KindTheme: docTheme, KindDossier: docSection}

// doc is one candidate document, as docsSQL reads it.
type doc struct {
	id     int64
	kind   int
	ref    int64
	ord    int
	slug   string
	name   string
	alt    string
	year   int
	pop    int64
	filmID int64
	via    string // a film found through its people: "directed by Sean Baker"

	tier  int
	score float64
}

// Match tiers, best first: the whole name, then an alternative title, is
// the query; the name, then an alternative, begins with the query; the
// name, then an alternative, holds every word; the words are elsewhere
// (dossier text, a character's film).
const (
	tierExact = iota
	tierAltExact
	tierStart
	tierAltStart
	tierWords
	tierAltWords
	tierElsewhere
)

// rank scores docs for p and sorts them best first. The tier decides;
// within a tier a matching year, then popularity (votes, credits) breaks
// ties, so the 2015 "Tangerine" comes before an obscure short.
func rank(p *parsed, docs []doc) {
	for i := range docs {
		d := &docs[i]
		d.tier = p.tierOf(d)
		d.score = -10*float64(d.tier) + math.Log10(1+float64(max(d.pop, 0)))
		if p.year != 0 && d.year == p.year && d.kind == docFilm {
			d.score += 8
		}
		if d.kind == docCharacter {
			d.score-- // a character named like a film is the lesser hit
		}
	}
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := &docs[i], &docs[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.id < b.id
	})
}

func (p *parsed) tierOf(d *doc) int {
	if d.kind == docSection || len(p.terms) == 0 {
		return tierElsewhere
	}
	best := tierElsewhere
	consider := func(words []string, exact, start, all int) {
		switch {
		case best > exact && p.exact(words):
			best = exact
		case best > start && p.starts(words):
			best = start
		case best > all && p.all(words):
			best = all
		}
	}
	consider(tokens(d.name), tierExact, tierStart, tierWords)
	if d.alt != "" && best > tierAltExact {
		for _, a := range strings.Split(d.alt, " | ") {
			consider(tokens(a), tierAltExact, tierAltStart, tierAltWords)
		}
	}
	return best
}

// termLists returns the query's words with and without its year (a year
// may be part of a title: "2001: A Space Odyssey", "Blade Runner 2049").
func (p *parsed) termLists() [][]term {
	out := [][]term{p.terms}
	if p.year != 0 {
		y := term{text: strconv.Itoa(p.year), alts: []string{strconv.Itoa(p.year)}}
		out = append(out, append(append([]term(nil), p.terms...), y), append([]term{y}, p.terms...))
	}
	return out
}

func (p *parsed) exact(words []string) bool {
	for _, ts := range p.termLists() {
		if eachAligned(ts, words, true) || eachAligned(stripArticle(ts), stripWordArticle(words), true) {
			return true
		}
	}
	return false
}

func (p *parsed) starts(words []string) bool {
	for _, ts := range p.termLists() {
		if eachAligned(ts, words, false) || eachAligned(stripArticle(ts), stripWordArticle(words), false) {
			return true
		}
	}
	return false
}

func (p *parsed) all(words []string) bool {
	for _, t := range p.terms {
		found := false
		for _, w := range words {
			if t.matches(w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// eachAligned reports whether words begin with the terms (whole, when
// exact: same length and the last word complete).
func eachAligned(ts []term, words []string, exact bool) bool {
	if len(ts) == 0 || len(words) < len(ts) || (exact && len(words) != len(ts)) {
		return false
	}
	for i, t := range ts {
		if exact && i == len(ts)-1 {
			t.prefix = false
		}
		if !t.matches(words[i]) {
			return false
		}
	}
	return true
}

func (t term) matches(w string) bool {
	alts := t.alts
	if len(alts) == 0 {
		alts = []string{t.text}
	}
	for _, a := range alts {
		if w == a || (t.prefix && !t.fixed && strings.HasPrefix(w, a)) {
			return true
		}
	}
	return false
}

var articles = map[string]bool{"the": true, "a": true, "an": true}

func stripArticle(ts []term) []term {
	if len(ts) > 1 && articles[ts[0].text] {
		return ts[1:]
	}
	return ts
}

func stripWordArticle(ws []string) []string {
	if len(ws) > 1 && articles[ws[0]] {
		return ws[1:]
	}
	return ws
}

// keepLoose drops the candidates whose names lack a word beginning with
// the loose last letter, if there is one; dossier passages stay, their
// text being out of reach here.
func (p *parsed) keepLoose(docs []doc) []doc {
	if len(p.terms) == 0 || !p.terms[len(p.terms)-1].loose {
		return docs
	}
	last := p.terms[len(p.terms)-1]
	out := docs[:0]
	for _, d := range docs {
		keep := d.kind == docSection
		for _, w := range tokens(d.name + " " + d.alt) {
			if last.matches(w) {
				keep = true
				break
			}
		}
		if keep {
			out = append(out, d)
		}
	}
	return out
}
