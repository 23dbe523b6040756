package dossier

import "strings"

// wikiTemplateBlock reads a raw wikitext template that opens line i and
// runs over several lines ("{{Infobox film" … "}}"), as a dump or the
// API gives an article. Its "| key = value" fields become references
// data, as a fenced infobox's do; every line it covers becomes a blank
// line, so line numbers stay true. It returns the index of the line the
// template closes on, or -1 when line i does not open one that spans
// lines (the one-line case is wikiLine's).
func (s *source) wikiTemplateBlock(i int, out *[]string) int {
	l := strings.TrimSpace(s.lines[i])
	if !strings.HasPrefix(l, "{{") || templateDepth(l) <= 0 {
		return -1
	}
	depth, end := 0, -1
	for j := i; j < len(s.lines) && j < i+400; j++ {
		depth += templateDepth(s.lines[j])
		if depth <= 0 {
			end = j
			break
		}
	}
	if end < 0 {
		return -1
	}
	for j := i; j <= end; j++ {
		*out = append(*out, "")
		t := stripComments(strings.TrimSpace(s.lines[j]))
		if !strings.HasPrefix(t, "|") || !strings.Contains(t, "=") {
			continue
		}
		k, raw, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(t, "|")), "=")
		if templateDepth(raw) > 0 {
			// "| starring = {{Plainlist|" and one "* name" line per item
			// until the list closes.
			items, last := s.plainList(j+1, end, templateDepth(raw))
			for ; j < last; j++ {
				*out = append(*out, "")
			}
			if len(items) > 0 {
				s.refs = append(s.refs, "infobox "+strings.TrimSpace(k)+": "+strings.Join(items, ", "))
			}
			continue
		}
		text, _ := s.wikiLine(strings.TrimSpace(strings.TrimPrefix(t, "|")))
		if k, v, ok := strings.Cut(text, "="); ok {
			if v = infoboxValue(v); v != "" {
				s.refs = append(s.refs, "infobox "+strings.TrimSpace(k)+": "+v)
			}
		}
	}
	return end
}

// infoboxValue is a field's value as text: its "<ref>" notes dropped and
// its "<br>" breaks become commas ("English<br>Italian").
func infoboxValue(v string) string {
	var parts []string
	for _, p := range stripTags(v) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// plainList reads the "* item" lines of a list template left open with
// depth unclosed "{{" on the line before from; it returns the items as
// text and the index of the line that closes the template (at most end).
func (s *source) plainList(from, end, depth int) ([]string, int) {
	var items []string
	j := from
	for ; j <= end && depth > 0; j++ {
		t := stripComments(strings.TrimSpace(s.lines[j]))
		depth += templateDepth(t)
		if item, ok := strings.CutPrefix(t, "*"); ok {
			text, _ := s.wikiLine(strings.TrimSpace(item))
			if text = infoboxValue(strings.TrimSuffix(strings.TrimSpace(text), "}}")); text != "" {
				items = append(items, text)
			}
		}
	}
	return items, j - 1
}

// stripComments drops the "<!-- … -->" notes editors leave on a line;
// an unclosed one runs to the end of the line.
func stripComments(l string) string {
	for {
		i := strings.Index(l, "<!--")
		if i < 0 {
			return l
		}
		k := strings.Index(l[i:], "-->")
		if k < 0 {
			return strings.TrimSpace(l[:i])
		}
		l = l[:i] + l[i+k+3:]
	}
}

// templateDepth is how many more "{{" than "}}" line l holds.
func templateDepth(l string) int {
	return strings.Count(l, "{{") - strings.Count(l, "}}")
}
