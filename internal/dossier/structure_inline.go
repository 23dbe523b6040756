package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainInline turns Markdown inline markup into plain text: bold and
// code markers go, links keep their text, and an italic span in title
// case — how Markdown writes a film title — becomes a “quoted” title, the
// way plain-text articles write one. Other italics just lose their stars.
func plainInline(s string) string {
	if !hasMarkup(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// Once a search for a closing marker fails, later ones would fail
	// too; remembering that keeps a line full of stars linear.
	var noClose [2]bool
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case (c == '*' || c == '_') && i+1 < len(s) && s[i+1] == c:
			if j := strings.Index(s[i+2:], s[i:i+2]); j > 0 {
				inner := plainInline(s[i+2 : i+2+j])
				if namesFilm(s[:i]) && isTitleCase(inner) && wordCount(inner) <= 8 {
					// "a new documentary, **We Are The Giant**, …": bold
					// after the word for a film is its title.
					inner = "“" + inner + "”"
				}
				b.WriteString(inner)
				i += j + 4
				continue
			}
		case (c == '*' || c == '_' && (i == 0 || !isWordByte(s[i-1]))) && !noClose[markIndex(c)]:
			j := closeEmph(s, i)
			if j < 0 && i+1 < len(s) && s[i+1] != ' ' {
				noClose[markIndex(c)] = true
			}
			if j > 0 {
				inner := s[i+1 : j]
				if r, _ := utf8.DecodeRuneInString(inner); unicode.IsUpper(r) && isTitleCase(inner) {
					b.WriteString("“")
					b.WriteString(inner)
					b.WriteString("”")
				} else if strings.Contains(inner, "**") || strings.Contains(inner, "__") {
					// Bold inside italics: "*A new film, **X**, follows…*".
					b.WriteString(plainInline(inner))
				} else {
					b.WriteString(inner)
				}
				i = j + 1
				continue
			}
		case c == '`':
			if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
				b.WriteString(s[i+1 : i+1+j])
				i += j + 2
				continue
			}
		case c == '[':
			if text, n, ok := mdLink(s[i:]); ok {
				b.WriteString(text)
				i += n
				continue
			}
			if n := citation(s[i:]); n > 0 {
				i += n // a reference mark copied from Wikipedia: "family.[1]"
				continue
			}
		}
		if isMarkByte(c) {
			b.WriteByte(c) // a marker that opens nothing
			i++
			continue
		}
		k := i + 1 // copy the plain run up to the next marker at once
		for k < len(s) && !isMarkByte(s[k]) {
			k++
		}
		b.WriteString(s[i:k])
		i = k
	}
	return b.String()
}

func isMarkByte(c byte) bool { return c == '*' || c == '_' || c == '[' || c == '`' }

func markIndex(c byte) int {
	if c == '*' {
		return 0
	}
	return 1
}

// hasMarkup is strings.ContainsAny(s, "*_[`"), in the tight loop that
// every paragraph goes through.
func hasMarkup(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '_', '[', '`':
			return true
		}
	}
	return false
}

// closeEmph finds the closing marker of an emphasis span opened at i.
func closeEmph(s string, i int) int {
	c := s[i]
	if i+1 >= len(s) || s[i+1] == ' ' {
		return -1
	}
	for j := i + 1; j < len(s); j++ {
		if s[j] == c && j+1 < len(s) && s[j+1] == c {
			// A "**" inside the span opens or closes bold, never this
			// span: "*A new film, **The Long Harvest**, follows…*".
			j++
			continue
		}
		if s[j] == c && s[j-1] != ' ' && (j+1 == len(s) || s[j+1] != c) {
			if c == '_' && j+1 < len(s) && isWordByte(s[j+1]) {
				continue
			}
			return j
		}
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// mdLink parses "[text](url)" at the start of s.
func mdLink(s string) (text string, n int, ok bool) {
	j := strings.IndexByte(s[:min(len(s), 1024)], ']')
	if j < 1 || j+1 >= len(s) || s[j+1] != '(' {
		return "", 0, false
	}
	// A link target is short; bounding the search keeps "[a](" repeated
	// a million times linear.
	k := strings.IndexByte(s[j+1:min(len(s), j+1+2048)], ')')
	if k < 0 {
		return "", 0, false
	}
	return s[1:j], j + 1 + k + 1, true
}

// labelOf splits a "Label: text" paragraph (also "**Label:** text"). A
// label is short, title case and not a sentence.
func labelOf(p string) (label, rest string, ok bool) {
	if strings.HasPrefix(p, "**") || strings.HasPrefix(p, "__") {
		if j := strings.Index(p[2:], p[:2]); j > 0 {
			inner, after := p[2:2+j], strings.TrimSpace(p[4+j:])
			if l, ok := strings.CutSuffix(inner, ":"); ok && after != "" {
				return validLabel(l, after)
			}
			if a, ok := strings.CutPrefix(after, ":"); ok && strings.TrimSpace(a) != "" {
				return validLabel(inner, strings.TrimSpace(a))
			}
		}
		return "", "", false
	}
	i := strings.Index(p, ": ")
	if i <= 0 || i > 80 {
		return "", "", false
	}
	return validLabel(p[:i], strings.TrimSpace(p[i+2:]))
}

func validLabel(l, rest string) (string, string, bool) {
	l = strings.TrimSpace(l)
	if rest == "" || strings.ContainsAny(l, ".?!;") || wordCount(l) > 9 ||
		strings.Count(l, "(") > strings.Count(l, ")") {
		// "The Seventh Seal (Swedish: Det sjunde inseglet) is …": a colon
		// inside parentheses ends no label.
		return "", "", false
	}
	switch strings.ToLower(l) {
	case "q", "a", "question", "answer", "note", "warning", "spoiler", "spoilers", "update":
		return "", "", false
	}
	if _, _, num := cutNumbering(l); num {
		return "", "", false
	}
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsUpper(r) || !isTitleCase(l) {
		return "", "", false
	}
	return l, rest, true
}

// citation returns the length of a reference mark, "[1]" to "[999]", that
// opens s, or 0.
func citation(s string) int {
	i := 1
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 1 || i >= len(s) || s[i] != ']' {
		return 0
	}
	return i + 1
}

// namesFilm reports text that ends on the word for a film, so that the
// span after it is the film's name: "a new documentary, ", "the film ".
//
// An appositive after a short phrase counts too: "a new documentary on the
// Arab Spring, **We Are The Giant**, …" (the comma sets the name off).
func namesFilm(before string) bool {
	before = before[max(0, len(before)-60):] // the words just before; linear on long lines
	t := strings.ToLower(strings.TrimRight(before, " ,"))
	if strings.HasSuffix(t, " film") || strings.HasSuffix(t, " documentary") || strings.HasSuffix(t, " movie") ||
		t == "film" || t == "documentary" || t == "movie" {
		return true
	}
	if !strings.HasSuffix(before, ", ") {
		return false
	}
	w := t[max(0, len(t)-40):]
	if k := strings.LastIndexAny(w, ".;:"); k >= 0 {
		w = w[k+1:]
	}
	return strings.Contains(w, "film ") || strings.Contains(w, "documentary ") || strings.Contains(w, "movie ")
}
