package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerText is strings.ToLower(s), faster for text that is mostly ASCII
// with a few other letters or curly quotes, where strings.ToLower maps
// every rune through unicode.ToLower. Invalid UTF-8 is left to
// strings.ToLower, which replaces it.
func lowerText(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return strings.ToLower(s) // ASCII: its own fast path
	}
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	pos := 0 // s[pos:j] is copied as it is
	for j := 0; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[pos:j])
				b.WriteByte(c + 'a' - 'A')
				pos = j + 1
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError && n == 1 {
			return strings.ToLower(s)
		}
		if l := unicode.ToLower(r); l != r {
			b.WriteString(s[pos:j])
			b.WriteRune(l)
			pos = j + n
		}
		j += n
	}
	b.WriteString(s[pos:])
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
