package dossier

import (
	"strings"

	"marquee/internal/film"
)

// builder assembles sections from scanned blocks.
type builder struct {
	d      *film.Dossier
	cur    *film.Section
	sub    *film.Subsection
	q      *film.FAQ // FAQ question waiting for its answer
	answer []string
	// faqFrom is the first FAQ pair of the current section.
	faqFrom int
	// skip is set inside a references section, dropped as page noise.
	skip bool
}

// assemble turns blocks into the dossier's title, sections and FAQ.
func assemble(d *film.Dossier, blocks []block) {
	roles := outline(blocks)
	p := plan(blocks, roles)
	sections := 2 // an untitled introduction and conclusion, perhaps
	for _, r := range roles {
		if r == roleSection {
			sections++
		}
	}
	d.Sections = make([]film.Section, 0, sections)
	bd := &builder{d: d}
	for i, b := range blocks {
		if bd.skipping(b, roles[i]) {
			continue
		}
		if b.kind == bHeading {
			bd.heading(b, roles[i], i >= p.qrun && i < p.qend)
			continue
		}
		bd.body(blocks, i, p)
	}
	bd.close()
	sortNoise(d.Noise)
}

// layoutPlan holds where an article's untitled closing parts may start.
type layoutPlan struct {
	last       int   // the last section heading an untitled conclusion or FAQ follows
	lastQ      int   // the same for numbered questions, which may precede a closing "Final Thoughts"
	qrun, qend int   // section headings that are the FAQ's questions
	questions  []int // questions at or after each block
}

func plan(blocks []block, roles []role) layoutPlan {
	var p layoutPlan
	p.last, p.questions = tail(blocks, roles)
	p.qrun, p.qend = questionRun(blocks, roles)
	if p.qrun <= p.last && p.last < p.qend {
		p.last = lastBefore(blocks, roles, p.qrun)
	}
	p.lastQ = p.last
	if p.last >= 0 && blocks[p.last].hkind == film.SectionConclusion {
		p.lastQ = lastBefore(blocks, roles, p.last)
	}
	return p
}

// heading opens a section or sub-section, sets the title, or asks a
// question; inRun says it is one of the question headings ending the
// article.
func (bd *builder) heading(b block, r role, inRun bool) {
	switch {
	case r == roleTitle:
		bd.d.Title = plainInline(b.text)
	case bd.inFAQ() && endsQuestion(b.text):
		bd.question(b.text, b.line)
	case r == roleSection && inRun:
		if !bd.inFAQ() {
			bd.open(film.SectionFAQ, "", b.line)
		}
		bd.question(b.text, b.line)
	case r == roleSection:
		k := b.hkind
		if len(bd.d.Sections) == 0 {
			k = b.hfirst
		}
		bd.open(k, plainInline(b.text), b.line)
	default:
		bd.subsection(plainInline(b.text), b.line)
	}
}

// body places a paragraph, list, table or question block.
func (bd *builder) body(blocks []block, i int, p layoutPlan) {
	b := blocks[i]
	switch {
	case i > p.lastQ && b.kind == bQuestion && !bd.inFAQ() && p.questions[i] >= 2:
		bd.open(film.SectionFAQ, "", b.line)
		bd.question(b.text, b.line)
	case i > p.last && b.kind == bPara && closing(blocks, i, bd.cur) && !bd.inKind(film.SectionConclusion, film.SectionFAQ):
		bd.open(film.SectionConclusion, "", b.line)
		bd.content(b)
	case i > p.last && b.kind == bPara && !b.answer && !bd.inKind(film.SectionConclusion) && verdict(b):
		label, rest, _ := labelOf(b.text)
		bd.open(film.SectionConclusion, plainInline(label), b.line)
		b.text = rest
		bd.content(b)
	case bd.inFAQ() && (b.kind == bQuestion || b.kind == bPara && b.qish && !b.answer):
		bd.question(b.text, b.line)
	case bd.inFAQ() && bd.inlinePairs(b):
	case b.kind == bQuestion:
		bd.content(block{kind: bList, line: b.line, items: []string{b.text}, ordered: true})
	default:
		bd.content(b)
	}
}

// tail finds the last section heading other than an FAQ's — an untitled
// conclusion or FAQ can only come after it — and, for each block, how many
// questions follow it.
func tail(blocks []block, roles []role) (last int, questions []int) {
	last = -1
	questions = make([]int, len(blocks)+1)
	for i := len(blocks) - 1; i >= 0; i-- {
		questions[i] = questions[i+1]
		if blocks[i].kind == bQuestion {
			questions[i]++
		}
		if last < 0 && blocks[i].kind == bHeading && roles[i] == roleSection && blocks[i].hkind != film.SectionFAQ {
			last = i
		}
	}
	return last, questions
}

func (bd *builder) inFAQ() bool { return bd.inKind(film.SectionFAQ) }

func (bd *builder) inKind(kinds ...film.SectionKind) bool {
	if bd.cur == nil {
		return false
	}
	for _, k := range kinds {
		if bd.cur.Kind == k {
			return true
		}
	}
	return false
}

// open starts a new section, closing the current one.
func (bd *builder) open(k film.SectionKind, heading string, line int) {
	bd.close()
	bd.faqFrom = len(bd.d.FAQ)
	bd.d.Sections = append(bd.d.Sections, film.Section{Kind: k, Heading: heading, Line: line, Subsections: []film.Subsection{}})
	bd.cur = &bd.d.Sections[len(bd.d.Sections)-1]
}

func (bd *builder) subsection(label string, line int) {
	if bd.cur == nil {
		bd.open(film.SectionIntroduction, "", line)
	}
	bd.flushSub()
	bd.sub = &film.Subsection{Label: label, Line: line}
}

func (bd *builder) question(text string, line int) {
	bd.flushQ()
	text = strings.TrimSpace(plainInline(unbold(text)))
	if q, ok := qaPrefix(text, "Q", "Question"); ok {
		text = q
	}
	if q, _, ok := cutNumbering(text); ok {
		text = q
	}
	bd.q = &film.FAQ{Question: text, Line: line}
}

// content adds a paragraph, list or table to the current section,
// sub-section or FAQ answer.
func (bd *builder) content(b block) {
	if bd.cur == nil {
		bd.open(film.SectionIntroduction, "", b.line)
	}
	fb := toBlock(b)
	if bd.q != nil {
		bd.answer = append(bd.answer, fb.PlainText())
		return
	}
	if b.kind == bPara && !bd.inFAQ() {
		if label, rest, ok := labelOf(b.text); ok {
			bd.subsection(plainInline(label), b.line)
			fb.Text = plainInline(rest)
		}
	}
	if bd.sub != nil {
		bd.sub.Blocks = append(bd.sub.Blocks, fb)
		return
	}
	bd.cur.Blocks = append(bd.cur.Blocks, fb)
}

func (bd *builder) flushQ() {
	if bd.q == nil {
		return
	}
	bd.q.Answer = strings.Join(bd.answer, "\n\n")
	bd.d.FAQ = append(bd.d.FAQ, *bd.q)
	bd.q, bd.answer = nil, nil
}

func (bd *builder) flushSub() {
	if bd.sub == nil {
		return
	}
	bd.sub.Text = blocksText(bd.sub.Blocks)
	bd.cur.Subsections = append(bd.cur.Subsections, *bd.sub)
	bd.sub = nil
}

// close finishes the current section: its text is every block's text,
// its own first, then its sub-sections', then its FAQ pairs.
func (bd *builder) close() {
	if bd.cur == nil {
		return
	}
	bd.flushQ()
	bd.flushSub()
	s := bd.cur
	if len(s.Subsections) == 0 && s.Kind != film.SectionFAQ {
		s.Text = blocksText(s.Blocks)
		bd.cur = nil
		return
	}
	parts := []string{}
	if t := blocksText(s.Blocks); t != "" {
		parts = append(parts, t)
	}
	for _, sub := range s.Subsections {
		if sub.Text != "" {
			parts = append(parts, sub.Text)
		}
	}
	if s.Kind == film.SectionFAQ {
		for _, f := range bd.d.FAQ[bd.faqFrom:] {
			parts = append(parts, f.Question)
			if f.Answer != "" {
				parts = append(parts, f.Answer)
			}
		}
	}
	s.Text = strings.Join(parts, "\n\n")
	bd.cur = nil
}
