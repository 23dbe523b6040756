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
		t := strings.TrimSpace(s.lines[j])
		if strings.HasPrefix(t, "|") && strings.Contains(t, "=") && !strings.Contains(t, "<!--") {
			text, _ := s.wikiLine(strings.TrimSpace(strings.TrimPrefix(t, "|")))
			if k, v, ok := strings.Cut(text, "="); ok && strings.TrimSpace(v) != "" {
				s.refs = append(s.refs, "infobox "+strings.TrimSpace(k)+": "+strings.TrimSpace(v))
			}
		}
		*out = append(*out, "")
	}
	return end
}

// templateDepth is how many more "{{" than "}}" line l holds.
func templateDepth(l string) int {
	return strings.Count(l, "{{") - strings.Count(l, "}}")
}
