package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// hstyle records how a heading was written, so headings written unlike
// the article's section headings can be read as sub-headings.
type hstyle uint8

const (
	styleCaps     hstyle = 1 << iota // ALL CAPS
	styleNumbered                    // "2. Plot Synopsis"
	styleColon                       // "Plot Synopsis:"
	styleSubNum                      // "2.1 Setting"
)

// smallWords may stay lower case inside a title-case heading.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "in": true, "on": true, "to": true, "for": true, "with": true, "at": true,
	"by": true, "from": true, "vs": true, "vs.": true, "as": true, "into": true, "&": true,
	"within": true, "about": true, "behind": true, "between": true, "its": true, "is": true,
	"over": true, "under": true, "through": true, "after": true, "before": true, "up": true,
}

// cutNumbering removes "2. ", "2) ", "2.1 ", "IV. " from the front of s.
func cutNumbering(s string) (rest string, style hstyle, ok bool) {
	i, dots := 0, 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' && i > 0) {
		if s[i] == '.' {
			dots++
		}
		i++
	}
	if i > 0 && i <= 6 {
		j := i
		if j < len(s) && s[j] == ')' {
			j++
		}
		if j < len(s) && s[j] == ' ' && (dots > 0 || j > i) {
			style = styleNumbered
			if dots > 1 || dots == 1 && s[i-1] != '.' {
				style = styleSubNum
			}
			return strings.TrimLeft(s[j:], " "), style, true
		}
		return s, 0, false
	}
	if r, ok := cutRoman(s); ok {
		return r, styleNumbered, true
	}
	return s, 0, false
}

func cutRoman(s string) (string, bool) {
	i := 0
	for i < len(s) && i < 5 && strings.IndexByte("IVX", s[i]) >= 0 {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' || s[i+1] != ' ' {
		return s, false
	}
	return strings.TrimLeft(s[i+1:], " "), true
}

// headingText cleans a heading candidate: numbering, emphasis and a
// trailing colon go; what they said goes into the style.
func headingText(s string) (string, hstyle) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.Trim(s, "*_"))
	var style hstyle
	if r, st, ok := cutNumbering(s); ok {
		s, style = strings.TrimSpace(strings.Trim(r, "*_")), st
	}
	if t, ok := strings.CutSuffix(s, ":"); ok {
		s, style = strings.TrimSpace(strings.Trim(t, "*_")), style|styleColon
	}
	if isAllCaps(s) {
		style |= styleCaps
	}
	return s, style
}

// looksLikeHeading decides from the line alone whether a plain-text line
// can be a heading: short, no sentence punctuation at its end, and title
// case, ALL CAPS, or a known section name.
func looksLikeHeading(line string) (text string, style hstyle, ok bool) {
	text, style = headingText(line)
	if text == "" || len(text) > 90 {
		return "", 0, false
	}
	if i := strings.Index(text, ": "); i >= 0 {
		// "Plot Summary: What Happens" is a heading with a subtitle;
		// "Setting: Set against…" is a labelled paragraph.
		// "MAD MAX: FURY ROAD (2015)" is a title line; "Director: Park
		// Chan-wook" is a credit.
		_, known := synonyms[normHeading(text[:i])]
		if _, year := titleYear(text); !known && year == 0 || !isTitleCase(text) || isCredit(text[:i]) {
			return "", 0, false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if strings.ContainsRune(".!?,;", last) || !hasLetter(text) {
		return "", 0, false
	}
	if strings.HasPrefix(lowerText(text), "in conclusion") {
		return "", 0, false
	}
	if isTitleCase(text) {
		return text, style, true
	}
	_, known := synonyms[normHeading(text)]
	return text, style, known
}

// isTitleCase reports whether every word but the small ones starts with a
// capital letter or a digit, and there are at most ten words.
func isTitleCase(s string) bool { return isTitleCaseN(s, 10) }

// isTitleCaseN is isTitleCase with at most max words.
func isTitleCaseN(s string, max int) bool {
	n := wordCount(s)
	if n == 0 || n > max {
		return false
	}
	i := -1
	for w := range strings.FieldsSeq(s) {
		i++
		w = strings.TrimLeft(w, "“\"‘'(*_[")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
			continue
		}
		if i == 0 || !smallWords[lowerText(strings.TrimRight(w, ",:”\"’'"))] {
			return false
		}
	}
	return true
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// wordCount is len(strings.Fields(s)) without allocating.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// shortLines reports whether line i is one of a run of short, unmarked,
// title-case lines with no blank between them — "Michelle Yeoh as Evelyn
// Wang" on one line, "Ke Huy Quan as Waymond Wang" on the next — which
// is a list, not a run of headings. It needs three such lines to start
// the list, and continues the list the previous line started.
func (s *scanner) shortLines(i int, t string, wasBlank bool) bool {
	if !wasBlank && s.listOpen && s.lineList {
		_, _, ok := plainLine(t)
		return ok
	}
	// Most headings are followed by a blank line: check that before
	// anything costs an allocation.
	if i+2 >= len(s.lines) || strings.TrimSpace(s.lines[i+1]) == "" || strings.TrimSpace(s.lines[i+2]) == "" {
		return false
	}
	for j := i; j < i+3; j++ {
		t := strings.TrimSpace(s.lines[j])
		if _, _, ok := plainLine(t); !ok || j > i && noiseReason(t) != "" {
			return false // a byline and a date under a title are no list
		}
	}
	return true
}

// plainLine is looksLikeHeading for a line that names no known section
// and carries no numbering or colon: the lines of an unmarked list.
func plainLine(t string) (string, hstyle, bool) {
	h, st, ok := looksLikeHeading(t)
	if !ok || st&(styleNumbered|styleColon|styleSubNum) != 0 || t[0] == '#' || t[0] == '*' || t[0] == '|' {
		return "", 0, false
	}
	if _, known := synonyms[normHeading(h)]; known {
		return "", 0, false
	}
	return h, st, true
}

// isHeadline reports a title-case line with a subtitle, alone at the top
// of an article: "Parasite: Everything You Need to Know".
func isHeadline(t string) bool {
	i := strings.Index(t, ": ")
	if i <= 0 || len(t) > 120 || endsSentence(t) || strings.HasPrefix(t, "#") {
		return false
	}
	_, known := synonyms[normHeading(t[:i])]
	return !known && isTitleCaseN(t, 14)
}

// letteredHeading parses a lettered sub-heading, "A. Setting" or "B) The
// Plan": a capital A–H, then a short title-case heading.
func letteredHeading(t string) (string, bool) {
	if len(t) < 4 || t[0] < 'A' || t[0] > 'H' || t[1] != '.' && t[1] != ')' || t[2] != ' ' {
		return "", false
	}
	h, _, ok := looksLikeHeading(t[3:])
	if !ok || !isTitleCase(h) || wordCount(h) > 8 {
		return "", false
	}
	return h, true
}

// credits label the lines of a film's credits block.
var credits = map[string]bool{"director": true, "directors": true, "directed by": true, "music": true, "score": true,
	"cinematography": true, "editor": true, "editing": true, "writer": true, "writers": true, "screenplay": true,
	"producer": true, "producers": true, "starring": true, "cast": true, "runtime": true, "running time": true,
	"language": true, "country": true, "budget": true, "release": true, "release date": true, "rating": true,
	"genre": true, "studio": true, "distributor": true, "box office": true}

func isCredit(label string) bool { return credits[strings.ToLower(strings.TrimSpace(label))] }
