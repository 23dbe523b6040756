package dossier

import (
	"strings"

	"marquee/internal/film"
)

// scanner groups lines into blocks in one pass, dropping page noise.
type scanner struct {
	lines   []string
	md      bool // Markdown headings in use: plain lines are never headings
	wrapped bool // hard-wrapped text: consecutive lines form one paragraph

	blocks   []block
	noise    []film.Noise
	para     []string
	paraLine int
	answer   bool
	listOpen bool // the last block is a list that may continue
	lineList bool // that list is made of short unmarked lines
	related  bool // the last line was a "Related:" line: its list is noise
	blank    bool // the previous line was blank (or absent)
}

// scan returns the blocks in a slice from blockScratch, for Parse to put
// back when it is done with them.
func scan(lines []string) ([]block, []film.Noise) {
	s := &scanner{lines: lines, blank: true, blocks: blockScratch.get(len(lines)/2 + 1)}
	s.md, s.wrapped = layout(lines)
	for i := 0; i < len(lines); i++ {
		i = s.line(i)
	}
	s.flush()
	return s.blocks, s.noise
}

// layout decides whether the text uses Markdown headings and whether it
// is hard-wrapped.
func layout(lines []string) (md, wrapped bool) {
	// Body lines of hard-wrapped text mostly end mid-sentence; lines
	// holding a whole paragraph end with its last full stop.
	atx, body, open := 0, 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if len(t) >= 50 {
			body++
			if !endsSentence(t) {
				open++
			}
		}
		if t[0] == '#' {
			if _, _, ok := atxHeading(t); ok {
				atx++
			}
		}
	}
	return atx >= 2, body > 0 && open*2 > body
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, "”\"’')*_ ")
	return t != "" && strings.IndexByte(".?!:;", t[len(t)-1]) >= 0
}

// line handles lines[i] and returns the index of the last line it used.
func (s *scanner) line(i int) int {
	raw := s.lines[i]
	t := strings.TrimSpace(raw)
	if t == "" {
		s.flush()
		s.blank = true
		return i
	}
	wasBlank := s.blank
	s.blank = false
	r := noiseReason(t)
	if r == "" && s.related {
		// The links listed under "Related Posts:" are furniture too.
		if _, ordered, ok := listItem(t); ok && !ordered {
			r = "related links"
		}
	}
	s.related = r == "related links"
	if r != "" {
		s.noise = append(s.noise, film.Noise{Line: i + 1, Text: t, Reason: r})
		s.blank = wasBlank
		if commentForm(t) && i >= len(s.lines)/3 {
			return s.afterCommentForm(i)
		}
		return i
	}
	if t[0] == '#' {
		if h, lvl, ok := atxHeading(t); ok {
			s.heading(i, h, lvl, false)
			return i
		}
	}
	if (isRule(t, '=') || isRule(t, '-')) && len(s.para) == 1 && len(s.para[0]) <= 90 {
		lvl := 2
		if t[0] == '=' {
			lvl = 1
		}
		h := s.para[0]
		s.para = s.para[:0]
		s.heading(s.paraLine-1, h, lvl, false)
		return i
	}
	if isRule(t, '-') || isRule(t, '*') || isRule(t, '_') || isRule(t, '=') {
		s.flush()
		return i
	}
	if t[0] == '|' || strings.Contains(t, "|") && i+1 < len(s.lines) && isTableSep(s.lines[i+1]) {
		return s.table(i)
	}
	return s.textLine(i, raw, t, wasBlank)
}

// textLine handles questions, answers, bold lines, list items, plain
// headings and paragraph text.
func (s *scanner) textLine(i int, raw, t string, wasBlank bool) int {
	if s.marked(i, t) {
		return i
	}
	if text, ordered, ok := listItem(t); ok {
		return s.item(i, t, text, ordered, wasBlank)
	}
	if s.shortLines(i, t, wasBlank) {
		s.item(i, t, t, false, wasBlank)
		s.lineList = true
		return i
	}
	if s.listOpen && !wasBlank && len(raw)-len(strings.TrimLeft(raw, " \t")) >= 2 {
		l := &s.blocks[len(s.blocks)-1]
		l.items[len(l.items)-1] += " " + t
		return i
	}
	if len(s.blocks) == 0 && len(s.para) == 0 && s.nextBlank(i) && isHeadline(t) {
		s.add(block{kind: bHeading, line: i + 1, text: t, top: true})
		return i
	}
	if !s.md && (wasBlank || !s.wrapped) && s.nextAllowsHeading(i) {
		if h, st, ok := looksLikeHeading(t); ok {
			s.add(block{kind: bHeading, line: i + 1, text: h, style: st})
			return i
		}
	}
	// A short question alone on its line is not wrapped prose: in an FAQ
	// its answer follows on the next line.
	lone := len(s.para) == 1 && len(s.para[0]) < 120 && endsQuestion(s.para[0])
	if len(s.para) > 0 && s.wrapped && !wasBlank && !lone {
		if _, _, ok := labelOf(t); !ok {
			s.para = append(s.para, t)
			return i
		}
	}
	s.flush()
	s.listOpen = false
	s.para, s.paraLine = append(s.para[:0], t), i+1
	return i
}

// item adds a list item, or a numbered question or heading.
func (s *scanner) item(i int, t, text string, ordered, wasBlank bool) int {
	if ordered && endsQuestion(unbold(text)) {
		s.add(block{kind: bQuestion, line: i + 1, text: unbold(text)})
		return i
	}
	if ordered && !s.md && (wasBlank || !s.wrapped) && !s.listOpen && !s.nextIsItem(i) {
		if h, st, ok := looksLikeHeading(t); ok {
			s.add(block{kind: bHeading, line: i + 1, text: h, style: st})
			return i
		}
	}
	if s.listOpen {
		l := &s.blocks[len(s.blocks)-1]
		if l.ordered == ordered {
			l.items = append(l.items, text)
			return i
		}
	}
	s.add(block{kind: bList, line: i + 1, items: []string{text}, ordered: ordered})
	s.listOpen = true
	return i
}

// nextAllowsHeading: a heading is followed by a blank line, the end, or
// text — not by a setext underline or a table.
func (s *scanner) nextAllowsHeading(i int) bool {
	if i+1 >= len(s.lines) {
		return true
	}
	n := strings.TrimSpace(s.lines[i+1])
	return n == "" || !isRule(n, '=') && !isRule(n, '-') && !strings.HasPrefix(n, "|")
}

func (s *scanner) nextIsItem(i int) bool {
	for j := i + 1; j < len(s.lines) && j < i+3; j++ {
		n := strings.TrimSpace(s.lines[j])
		if n == "" {
			continue
		}
		_, ordered, ok := listItem(n)
		return ok && ordered
	}
	return false
}

// table consumes a Markdown table starting at line i.
func (s *scanner) table(i int) int {
	b := block{kind: bTable, line: i + 1}
	j := i
	for ; j < len(s.lines); j++ {
		t := strings.TrimSpace(s.lines[j])
		if t == "" || !strings.Contains(t, "|") {
			break
		}
		switch {
		case j == i+1 && isTableSep(t):
			b.header, b.rows = b.rows[0], nil
		default:
			b.rows = append(b.rows, tableCells(t))
		}
	}
	s.add(b)
	s.blank = false
	return j - 1
}

func (s *scanner) heading(i int, text string, level int, bold bool) {
	h, st := headingText(text)
	s.add(block{kind: bHeading, line: i + 1, text: h, level: level, style: st, bold: bold})
}

func (s *scanner) add(b block) {
	if b.kind == bHeading {
		n := normHeading(b.text)
		b.hkind, b.hknown = kindOfNorm(b.text, n, false)
		b.hfirst = b.hkind
		if n == "overview" { // the only heading whose kind depends on its place
			b.hfirst, _ = kindOfNorm(b.text, n, true)
		}
		b.refs = apparatus[n]
	}
	s.flush()
	s.listOpen = false
	b.gap = s.gapBefore(b.line)
	s.blocks = append(s.blocks, b)
	s.lineList = false
}

// gapBefore counts the blank lines (up to three) above the 1-based line.
func (s *scanner) gapBefore(line int) int {
	n := 0
	for i := line - 2; i >= 0 && n < 3 && strings.TrimSpace(s.lines[i]) == ""; i-- {
		n++
	}
	return n
}

// flush ends the pending paragraph.
func (s *scanner) flush() {
	if len(s.para) == 0 {
		return
	}
	text := strings.Join(s.para, " ")
	b := block{kind: bPara, line: s.paraLine, text: text, answer: s.answer}
	b.qish = len(s.para) == 1 && len(text) <= 200 && endsQuestion(text)
	s.para, s.answer = s.para[:0], false
	s.listOpen = false
	b.gap = s.gapBefore(b.line)
	s.blocks = append(s.blocks, b)
}
