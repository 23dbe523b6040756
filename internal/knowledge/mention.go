package knowledge

import "strings"

// Mention is how a text names something: how many times, and the first
// sentence that does.
type Mention struct {
	Count    int
	Sentence string
}

// MentionOf counts where text names name (whole words, case as written)
// and keeps the first sentence that does, cut to about maxRunes runes at a
// word boundary (with an ellipsis) when longer.
func MentionOf(text, name string, maxRunes int) Mention {
	var m Mention
	if name == "" {
		return m
	}
	for _, sent := range introSentences(text) {
		n := countWhole(sent, name)
		if n > 0 && m.Count == 0 {
			m.Sentence = clip(sent, maxRunes)
		}
		m.Count += n
	}
	return m
}

// countWhole counts the whole-word occurrences of name in s.
func countWhole(s, name string) int {
	n := 0
	for at := 0; ; {
		i := strings.Index(s[at:], name)
		if i < 0 {
			return n
		}
		i += at
		at = i + len(name)
		if wordBoundary(s, i, at) {
			n++
		}
	}
}

// clip cuts s to at most max runes at a space, adding "…".
func clip(s string, max int) string {
	r := []rune(s)
	if max <= 0 || len(r) <= max {
		return s
	}
	cut := string(r[:max])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
