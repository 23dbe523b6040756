package dossier

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"
)

// decodeText checks that src is a usable text article and returns it as
// UTF-8 text, without a byte-order mark. Invalid UTF-8 is read as Windows-1252 (a
// superset of Latin-1), byte by byte, so a mostly-UTF-8 file with a few
// stray bytes keeps its good characters; the caller gets a warning.
func decodeText(file string, src []byte, maxBytes int) (text string, warnings []string, err error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if len(src) > maxBytes {
		return "", nil, &ParseError{File: file, Reason: fmt.Sprintf(
			"file is %.1f MB, over the %.1f MB limit for an article",
			float64(len(src))/(1<<20), float64(maxBytes)/(1<<20))}
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(src)) == 0 {
		return "", nil, &ParseError{File: file, Reason: "empty file"}
	}
	if line, ok := binaryLine(src); ok {
		return "", nil, &ParseError{File: file, Line: line, Reason: "binary data, not a text article"}
	}
	text = string(src)
	if !utf8.Valid(src) {
		n, first := 0, 0
		text, n, first = fromWindows1252(src)
		warnings = append(warnings, fmt.Sprintf(
			"%s: not valid UTF-8 (%d bytes, first on line %d); read them as Latin-1/Windows-1252", file, n, first))
	}
	return text, warnings, nil
}

// unescapeEntities decodes HTML entities left in text.
func unescapeEntities(s string) string { return html.UnescapeString(s) }

// binaryLine reports the line of the first NUL byte, or of the point where
// control characters make up more than 1 in 50 bytes.
func binaryLine(src []byte) (int, bool) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return 1 + bytes.Count(src[:i], []byte{'\n'}), true
	}
	ctl := 0
	for _, c := range src {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	if ctl > 0 && ctl*50 > len(src) {
		return 0, true
	}
	return 0, false
}

// cp1252 maps the bytes 0x80–0x9F, where Windows-1252 differs from
// Latin-1; the rest of 0x80–0xFF are the Latin-1 code points.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

func fromWindows1252(src []byte) (string, int, int) {
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	n, first, line := 0, 0, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			c := src[i]
			r = rune(c)
			if c >= 0x80 && c < 0xa0 {
				r = cp1252[c-0x80]
			}
			if n == 0 {
				first = line
			}
			n++
			size = 1
		}
		if r == '\n' {
			line++
		}
		b.WriteRune(r)
		i += size
	}
	return b.String(), n, first
}

// splitLines splits on LF, CRLF or a lone CR.
func splitLines(s string) []string {
	if !strings.Contains(s, "\r") {
		// strings.Split(s, "\n"), into a slice from lineScratch.
		lines := lineScratch.get(strings.Count(s, "\n") + 1)
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return append(lines, s)
			}
			lines = append(lines, s[:i])
			s = s[i+1:]
		}
	}
	lines := lineScratch.get(strings.Count(s, "\n") + 1)
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return lines
}
