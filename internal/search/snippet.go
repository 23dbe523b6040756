package search

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetWords is how many words of context a snippet shows.
const (
	snippetBefore = 8
	snippetAfter  = 22
)

// span is a word of a text: its byte range.
type span struct{ start, end int }

func wordSpans(s string) []span {
	var (
		out   []span
		start = -1
	)
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// snippet returns the passage of text around the first word the query
// matches, HTML-escaped, with every matched word inside <mark>…</mark>.
// With whole set it marks the full text rather than a window.
func snippet(p *parsed, text string, whole bool) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	spans := wordSpans(text)
	hit := make([]bool, len(spans))
	first := -1
	for i, sp := range spans {
		for _, w := range tokens(text[sp.start:sp.end]) {
			if p.matchesWord(w) {
				hit[i] = true
			}
		}
		if hit[i] && first < 0 {
			first = i
		}
	}
	lo, hi := 0, len(spans)
	if !whole {
		if first < 0 {
			first = 0
		}
		lo, hi = max(first-snippetBefore, 0), min(first+snippetAfter, len(spans))
	}
	if lo >= hi {
		return html.EscapeString(clip(text, 200))
	}
	var b strings.Builder
	from := spans[lo].start
	if lo > 0 {
		b.WriteString("…")
	} else {
		from = 0
	}
	for i := lo; i < hi; i++ {
		sp := spans[i]
		b.WriteString(html.EscapeString(text[from:sp.start]))
		if hit[i] {
			b.WriteString("<mark>" + html.EscapeString(text[sp.start:sp.end]) + "</mark>")
		} else {
			b.WriteString(html.EscapeString(text[sp.start:sp.end]))
		}
		from = sp.end
	}
	if hi < len(spans) {
		b.WriteString("…")
	} else {
		b.WriteString(html.EscapeString(text[from:]))
	}
	return b.String()
}

func (p *parsed) matchesWord(w string) bool {
	for _, t := range p.terms {
		if t.matches(w) {
			return true
		}
	}
	return p.year != 0 && w == strconv.Itoa(p.year)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
