package dossier

import (
	"strings"

	"marquee/internal/film"
)

// bkind is the shape of a scanned block, before sections are assembled.
type bkind uint8

const (
	bPara bkind = iota
	bHeading
	bList
	bTable
	bQuestion
)

// block is one unit the scanner found. Text is raw (Markdown emphasis
// still in it); assembly turns it into plain text.
type block struct {
	kind    bkind
	line    int
	text    string           // paragraph, heading or question
	level   int              // heading: 1–6 when written as Markdown or setext; 0 when inferred
	style   hstyle           // heading: how it was written
	bold    bool             // heading: a bold line
	hkind   film.SectionKind // heading: kindOf(text, false), worked out once
	hknown  bool
	hfirst  film.SectionKind // heading: its kind when it opens the article
	refs    bool             // heading: "References", "External links"…
	top     bool             // heading: a headline on the first line, "Parasite: Everything You Need to Know"
	gap     int              // blank lines above it, up to three
	answer  bool             // paragraph: began "A:"
	qish    bool             // paragraph: one short line ending in "?"
	items   []string
	ordered bool
	header  []string
	rows    [][]string
}

// atxHeading parses "## Heading ##".
func atxHeading(t string) (text string, level int, ok bool) {
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level < len(t) && t[level] != ' ' && t[level] != '\t' {
		return "", 0, false
	}
	text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[level:]), "#"))
	return text, level, text != ""
}

// isRule matches a thematic break or setext underline: "---", "===", "***".
func isRule(t string, c byte) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// listItem parses "- item", "• item", "1. item", "2) item".
func listItem(t string) (text string, ordered, ok bool) {
	for _, m := range []string{"- ", "* ", "+ ", "• ", "· ", "◦ ", "▪ ", "– "} {
		if rest, ok := strings.CutPrefix(t, m); ok {
			return strings.TrimSpace(rest), false, true
		}
	}
	i := 0
	for i < len(t) && i < 4 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < 4 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return strings.TrimSpace(t[i+2:]), true, true
	}
	return "", false, false
}

// unbold removes Markdown bold markers, for matching "**Q:** …".
func unbold(t string) string {
	if !strings.Contains(t, "**") && !strings.Contains(t, "__") {
		return t
	}
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(t, "**", ""), "__", ""))
}

// qaPrefix parses "Q: …" / "A: …" (and "Question:"/"Answer:").
func qaPrefix(t string, short, long string) (string, bool) {
	if t == "" || t[0] != short[0] && t[0] != '*' && t[0] != '_' {
		return "", false
	}
	u := unbold(t)
	for _, p := range []string{short, long} {
		rest, ok := strings.CutPrefix(u, p)
		if !ok {
			continue
		}
		// "Q1:", "Question 2:" — numbered pairs.
		if r := strings.TrimLeft(strings.TrimLeft(rest, " "), "0123456789"); len(r) < len(strings.TrimLeft(rest, " ")) {
			rest = r
		}
		if !strings.HasPrefix(rest, ":") && !(p == short && strings.HasPrefix(rest, ".")) {
			continue
		}
		if rest = strings.TrimSpace(rest[1:]); rest != "" {
			return rest, true
		}
	}
	return "", false
}

// boldLine returns the inside of a line that is only bold text.
func boldLine(t string) (string, bool) {
	for _, m := range []string{"**", "__"} {
		if len(t) > 4 && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) {
			inner := t[2 : len(t)-2]
			if !strings.Contains(inner, m) && strings.TrimSpace(inner) != "" {
				return strings.TrimSpace(inner), true
			}
		}
	}
	return "", false
}

// tableCells splits "| a | b |" into its cells.
func tableCells(t string) []string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	cells := strings.Split(t, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// isTableSep matches "|---|:--:|".
func isTableSep(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.Contains(t, "-") || !strings.ContainsAny(t, "|") && !strings.HasPrefix(t, "-") {
		return false
	}
	for _, c := range tableCells(t) {
		c = strings.Trim(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// endsQuestion reports a question mark at the end of s, before any
// closing quotes, brackets or emphasis: `What is “Red Rocket?”`.
func endsQuestion(s string) bool {
	return strings.HasSuffix(strings.TrimRight(s, "”\"’')*_ "), "?")
}

// splitInlineAnswer splits "Is it rated R? A: Yes." written on one line.
func splitInlineAnswer(q string) (question, answer string) {
	for _, m := range []string{" A: ", " A. ", " Answer: ", " **A:** "} {
		if i := strings.Index(q, m); i > 0 && endsQuestion(q[:i]) {
			return strings.TrimSpace(q[:i]), strings.TrimSpace(q[i+len(m):])
		}
	}
	return q, ""
}

// boldQuestion splits "**Is it rated R?** Yes, for language." into the
// question and its answer.
// italicQuestion returns the inside of a line that is one italic span
// ending in a question mark.
func italicQuestion(t string) (string, bool) {
	for _, m := range []string{"_", "*"} {
		if len(t) > 4 && strings.HasPrefix(t, m) && strings.HasSuffix(t, m) && !strings.HasPrefix(t, m+m) {
			inner := strings.TrimSpace(t[1 : len(t)-1])
			if !strings.Contains(inner, m) && endsQuestion(inner) && len(strings.Fields(inner)) >= 3 {
				return inner, true
			}
		}
	}
	return "", false
}

func boldQuestion(t string) (q, answer string, ok bool) {
	if !strings.HasPrefix(t, "**") && !strings.HasPrefix(t, "__") {
		return "", "", false
	}
	j := strings.Index(t[2:], t[:2])
	if j <= 0 {
		return "", "", false
	}
	q, answer = strings.TrimSpace(t[2:2+j]), strings.TrimSpace(t[4+j:])
	if !endsQuestion(q) || answer == "" {
		return "", "", false
	}
	return q, answer, true
}

// marked handles a line whose first characters say what it is: a
// lettered sub-heading, "Q:" or "A:", or a line in bold. It reports
// whether it used the line.
func (s *scanner) marked(i int, t string) bool {
	if h, ok := letteredHeading(t); ok && s.nextBlank(i) && !s.afterQuestion() {
		s.add(block{kind: bHeading, line: i + 1, text: h, style: styleSubNum})
		return true
	}
	if q, ok := qaPrefix(t, "Q", "Question"); ok {
		q, a := splitInlineAnswer(q)
		s.add(block{kind: bQuestion, line: i + 1, text: q})
		if a != "" {
			s.para, s.paraLine, s.answer = append(s.para[:0], a), i+1, true
		}
		return true
	}
	if a, ok := qaPrefix(t, "A", "Answer"); ok {
		s.flush()
		s.listOpen = false
		s.para, s.paraLine, s.answer = append(s.para[:0], a), i+1, true
		return true
	}
	if q, ok := italicQuestion(t); ok && s.nextBlank(i) {
		// An interviewer's question set in italics: "_Why Murakami?_".
		s.add(block{kind: bQuestion, line: i + 1, text: q})
		return true
	}
	b, ok := boldLine(t)
	if !ok {
		return false
	}
	if endsQuestion(b) || wordCount(b) > 8 && s.nextSpeakerAnswer(i) {
		s.add(block{kind: bQuestion, line: i + 1, text: b})
	} else {
		h, st := headingText(b)
		s.add(block{kind: bHeading, line: i + 1, text: h, style: st, bold: true})
	}
	return true
}

// afterQuestion: the last block is a question, so "A. Yes" answers it.
func (s *scanner) afterQuestion() bool {
	return len(s.para) == 0 && len(s.blocks) > 0 && s.blocks[len(s.blocks)-1].kind == bQuestion
}

// nextBlank: line i is the last, or the next line is blank.
func (s *scanner) nextBlank(i int) bool {
	return i+1 >= len(s.lines) || strings.TrimSpace(s.lines[i+1]) == ""
}
