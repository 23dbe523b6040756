package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// span is the inside of a quoted stretch: s[start:end].
type span struct{ start, end int }

// quoteSpans finds “curly” and "straight" double-quoted stretches. An
// unclosed quote opens nothing.
func quoteSpans(s string) []span {
	var out []span
	// Once a single-quote opener finds no closer, later ones would not
	// either: remembering that keeps the scan linear.
	noCurly, noStraight := false, false
	for i := 0; i < len(s); {
		for i < len(s) && s[i] != '"' && s[i] != 0xe2 && s[i] != '\'' {
			i++
		}
		if i == len(s) {
			break
		}
		switch {
		case strings.HasPrefix(s[i:], "“"):
			j := strings.Index(s[i+3:], "”")
			if j < 0 {
				return out
			}
			out = append(out, span{i + 3, i + 3 + j})
			i += 3 + j + 3
		case s[i] == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return out
			}
			out = append(out, span{i + 1, i + 1 + j})
			i += j + 2
		case !noCurly && strings.HasPrefix(s[i:], "‘"):
			if j := singleClose(s, i+3, "’"); j > 0 {
				out = append(out, span{i + 3, j})
				i = j + 3
				continue
			}
			noCurly = true
			i += 3
		case !noStraight && s[i] == '\'' && (i == 0 || s[i-1] == ' ' || s[i-1] == '(' || s[i-1] == '\n') && i+1 < len(s) && s[i+1] != ' ':
			if j := singleClose(s, i+1, "'"); j > 0 {
				out = append(out, span{i + 1, j})
				i = j + 1
				continue
			}
			noStraight = true
			i++
		default:
			i++
		}
	}
	return out
}

// singleClose finds the closing single quote of a quotation opened at
// from: one that ends a word ("’ she said", "’.") rather than an
// apostrophe inside one ("don’t"). A quotation of a single word is a
// scare quote or a title, not a quotation: it needs a space inside.
func singleClose(s string, from int, mark string) int {
	space := false
	for k := from; k < len(s); {
		j := strings.Index(s[k:], mark)
		if j < 0 {
			return -1
		}
		at := k + j
		space = space || strings.IndexByte(s[k:at], ' ') >= 0
		after := at + len(mark)
		if at > from && s[at-1] != ' ' && (after == len(s) || !isWordByte(s[after]) && s[after] < 0x80) {
			if space {
				return at
			}
			return -1
		}
		k = after
	}
	return -1
}

// word is one token of running text; poss marks a possessive ("Baker’s")
// whose "’s" is not part of s, and cap one that opens with a capital
// (isCap(s), worked out once by the tokenizer). cls is the word's entry
// in wordInfo (classWords fills it in for the units' words; 0 elsewhere).
type word struct {
	s          string
	start, end int32 // int32 keeps the token store small; input is capped far below 2 GB
	poss       bool
	cap        bool
	cls        uint8
}

// tokenize splits s into words: letters and digits, with inner hyphens,
// apostrophes, full stops and ampersands kept ("Sin-Dee", "O’Hagan",
// "U.S."). It appends to buf so callers can reuse it.
func tokenize(s string, buf []word) []word {
	if buf == nil {
		// One allocation rather than a growing slice: a word and its
		// space take five bytes or more.
		buf = make([]word, 0, len(s)/5+1)
	}
	return tokenizeWords(s, buf[:0], false)
}

// tokenizeCaps is tokenize for callers that only look at capitalised
// runs: it drops lower-case words longer than any connector, which is
// most of the text. Runs still break at them, because the words around
// a dropped one are no longer one space apart. It appends to buf.
func tokenizeCaps(s string, buf []word) []word { return tokenizeWords(s, buf, true) }

func tokenizeWords(s string, buf []word, caps bool) []word {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		if caps && c >= 'a' && c <= 'z' {
			j := i + 1
			for j < len(s) && asciiWord[s[j]] {
				j++
			}
			if (j == len(s) || s[j] < utf8.RuneSelf && s[j] != '-' && s[j] != '\'' && s[j] != '.' && s[j] != '&') && !isConnector(s[i:j]) {
				i = j
				continue
			}
		}
		r, n := rune(c), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) && asciiWord[s[j]] {
			j++
		}
		for j < len(s) && s[j] != ' ' { // a space ends most words, and is neither a letter nor a joiner
			r2, n2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(s[j:])
			}
			if isWordRune(r2) || (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '&') && j+n2 < len(s) && isWordStart(s[j+n2:]) {
				j += n2
				continue
			}
			break
		}
		if j == i+1 && c >= 'A' && c <= 'Z' && j+2 < len(s) && s[j] == '.' && s[j+1] == ' ' && s[j+2] >= 'A' && s[j+2] <= 'Z' {
			j++ // an initial keeps its full stop: "John C. Reilly"
		}
		w := word{s: s[i:j], start: int32(i), end: int32(j), cap: c >= 'A' && c <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)}
		if t, ok := cutPossessive(w.s); ok {
			w.s, w.poss = t, true
		}
		buf = append(buf, w)
		i = j
	}
	return buf
}

func cutPossessive(w string) (string, bool) {
	if last := w[len(w)-1]; last != 's' && last != 0x99 { // 0x99 ends "’"
		return w, false
	}
	for _, suf := range []string{"’s", "'s"} {
		if t, ok := strings.CutSuffix(w, suf); ok && t != "" {
			return t, true
		}
	}
	if t, ok := strings.CutSuffix(w, "s’"); ok && t != "" {
		return t + "s", true
	}
	return w, false
}

// asciiWord marks the ASCII letters and digits; bytes of UTF-8
// sequences are false.
var asciiWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// isCap reports whether a word starts with a capital letter or a digit
// followed by a letter ("A24").
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isConnector reports the lower-case words that may join capitalised
// words inside one name.
func isConnector(w string) bool {
	switch w {
	case "of", "the", "de", "del", "van", "von", "da", "du", "la", "le", "der":
		return true
	}
	return false
}

// capRuns calls fn for each run of capitalised words in ws — words one
// space apart, joined only by connectors, ended by a possessive.
func capRuns(s string, ws []word, fn func(a, b int)) {
	for i := 0; i < len(ws); {
		if !ws[i].cap {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j-1].poss && ws[j].start == ws[j-1].end+1 && s[ws[j-1].end] == ' ' {
			if ws[j].cap {
				j++
				continue
			}
			if isConnector(ws[j].s) && j+1 < len(ws) && ws[j+1].cap && ws[j+1].start == ws[j].end+1 {
				j += 2
				continue
			}
			break
		}
		fn(i, j)
		i = j
	}
}

// joinWords returns the text of ws[a:b] with single spaces. When the
// words stand one space apart in the text they were cut from, which is
// how capitalised runs are made, that stretch of the text is returned
// without copying: names are joined for every run of every paragraph.
func joinWords(ws []word, a, b int) string {
	if b-a == 1 {
		return ws[a].s
	}
	if s, ok := adjacentWords(ws[a:b]); ok {
		return s
	}
	var sb strings.Builder
	n := b - a - 1
	for k := a; k < b; k++ {
		n += len(ws[k].s)
	}
	sb.Grow(n)
	for k := a; k < b; k++ {
		if k > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(ws[k].s)
	}
	return sb.String()
}

// nameAfter returns the capitalised run (up to four words) at the start
// of s, after skipping up to skip lower-case words: "the visionary
// filmmaker Sean Baker" → "Sean Baker".
func nameAfter(s string, skip int) string {
	var buf [24]word // on the stack, as for runBefore
	ws := tokenize(firstClause(s, 120), buf[:0])
	i := 0
	for i < len(ws) && i < skip && !ws[i].cap {
		i++
	}
	if i >= len(ws) || !ws[i].cap {
		return ""
	}
	name := ""
	capRuns(s, ws[i:], func(a, b int) {
		if name == "" && a == 0 {
			name = joinWords(ws[i:], a, min(b, a+4))
		}
	})
	return name
}

// firstClause cuts s at its first clause punctuation, and at most n bytes.
func firstClause(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	if i := strings.IndexAny(s, ",;:()“”\"—"); i >= 0 {
		s = s[:i]
	}
	return s
}

// adjacentWords returns the text spanning ws when each word follows the
// previous one after exactly one space in the same string: their offsets
// and their addresses both advance by the same amount, and the byte
// before each word is a space. It never reads outside the words' string,
// since the span ends where the last word ends.
func adjacentWords(ws []word) (string, bool) {
	n := len(ws[0].s)
	p0 := uintptr(unsafe.Pointer(unsafe.StringData(ws[0].s)))
	for k := 1; k < len(ws); k++ {
		prev, w := &ws[k-1], &ws[k]
		if prev.poss || w.start != prev.end+1 || len(prev.s) != int(prev.end-prev.start) || w.s == "" {
			return "", false
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(w.s)))
		if p-p0 != uintptr(w.start-ws[0].start) || *(*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(w.s)), -1)) != ' ' {
			return "", false
		}
		n = int(w.start-ws[0].start) + len(w.s)
	}
	return unsafe.String(unsafe.StringData(ws[0].s), n), true
}
