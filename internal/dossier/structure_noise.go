package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The cues of page furniture, by what they mark. Each list is matched as
// prefixes of the line (lower case, ASCII).
var (
	adExact        = []string{"advertisement", "sponsored", "sponsored content", "ad"}
	adCues         = []string{"story continues below", "article continues below", "scroll to continue"}
	alsoReadCues   = []string{"also read:", "read also:", "don't miss:", "watch:", "more:"}
	relatedCues    = []string{"related:", "related articles", "related stories", "related posts", "see also:", "more from", "you may also like", "recommended for you", "recommended:"}
	shareCues      = []string{"click to share", "share this", "share on ", "share:", "tweet this", "follow us", "pin it"}
	readMoreCues   = []string{"read more", "continue reading", "read next", "click here", "read the full"}
	subscribeCues  = []string{"subscribe", "sign up for", "join our newsletter", "get our newsletter", "newsletter"}
	imageCues      = []string{"image credit", "image:", "photo credit", "photo:", "photograph:", "credit:", "image via", "photo by", "image courtesy", "photo courtesy", "getty images"}
	datedCues      = []string{"published ", "updated ", "posted "}
	dateCues       = []string{"posted in ", "posted on", "published on", "published:", "updated on", "updated:", "last updated", "posted:"}
	furnitureCues  = []string{"tags:", "filed under", "comments", "leave a comment", "all rights reserved", "©", "copyright ©"}
	navExact       = []string{"skip to content", "skip to main content", "menu", "search for:", "search", "toggle navigation", "main menu", "primary menu"}
	furnitureExact = []string{"like this:", "like loading...", "like loading…", "related", "share this:"}
	replyCues      = []string{"leave a reply", "your email address will not be published", "post navigation", "previous post", "next post"}
	bylineCues     = []string{"By ", "Written by ", "Reviewed by ", "Words by ", "Review by "}
)

// noiseOpeners holds the first word (its leading letters) of every cue
// above, and the words a date line or byline opens with. A line whose
// first word is not one of them can only be noise by the few tests that
// do not look at its start, so most lines of prose are settled with one
// look-up rather than seventy prefix tests.
var noiseOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{adExact, adCues, alsoReadCues, relatedCues, shareCues, readMoreCues, subscribeCues,
		imageCues, datedCues, dateCues, furnitureCues, navExact, furnitureExact, replyCues, bylineCues, months,
		{"reading", "mon", "monday", "tues", "tuesday", "wednes", "wednesday", "thurs", "thursday", "fri", "friday",
			"satur", "saturday", "sun", "sunday"}} {
		for _, c := range list {
			m[leadingLetters(lowerASCII(c))] = true
		}
	}
	return m
}()

// leadingLetters returns the ASCII letters that open s.
func leadingLetters(s string) string {
	i := 0
	for i < len(s) && 'a' <= s[i] && s[i] <= 'z' {
		i++
	}
	return s[:i]
}

// noiseReason says why a whole line is page furniture rather than
// article text, or "" when it is text. Only short lines qualify: a real
// paragraph that happens to start with "By" is never dropped.
func noiseReason(s string) string {
	if len(s) > 160 {
		return ""
	}
	// Every cue below is ASCII, so only ASCII letters need folding; the
	// folded copy lives on the stack (every line of the article comes
	// here).
	var buf [160]byte
	l := lowerInto(&buf, trimNoiseMarks(s))
	if w := leadingLetters(l); w != "" && !noiseOpeners[w] {
		// Only the tests that do not look at the line's start are left.
		switch {
		case strings.Contains(l, "cookie") && (strings.Contains(l, "we use") || strings.Contains(l, "accept") || strings.Contains(l, "this site") || strings.Contains(l, "consent")):
			return "cookie notice"
		case isImageLine(s):
			return "image"
		case isCaption(s, l):
			return "image caption"
		case isReadingTime(l):
			return "page furniture"
		}
		return ""
	}
	switch {
	case isAny(l, adExact) || hasAnyPrefix(l, adCues...):
		return "advertisement"
	case hasAnyPrefix(l, alsoReadCues...):
		return "related links"
	case isReadingTime(l):
		return "page furniture"
	case hasAnyPrefix(l, relatedCues...):
		return "related links"
	case hasAnyPrefix(l, shareCues...):
		return "share prompt"
	case hasAnyPrefix(l, readMoreCues...):
		return "read-more link"
	case hasAnyPrefix(l, subscribeCues...):
		return "subscription prompt"
	case hasAnyPrefix(l, imageCues...):
		return "image credit"
	case strings.Contains(l, "cookie") && (strings.Contains(l, "we use") || strings.Contains(l, "accept") || strings.Contains(l, "this site") || strings.Contains(l, "consent")):
		return "cookie notice"
	case isImageLine(s):
		return "image"
	case isCaption(s, l):
		return "image caption"
	case hasAnyPrefix(l, datedCues...) && len(l) < 60 && strings.ContainsAny(l, "0123456789"):
		return "date line"
	case hasAnyPrefix(l, dateCues...):
		return "date line"
	case isByline(s):
		return "byline"
	case isDateLine(l):
		return "date line"
	case hasAnyPrefix(l, furnitureCues...):
		return "page furniture"
	case isAny(l, navExact):
		return "navigation"
	case isAny(l, furnitureExact) || hasAnyPrefix(l, replyCues...):
		return "page furniture"
	}
	return ""
}

// trimNoiseMarks is strings.Trim(s, "*_#>[]() \t-–—"). Most lines open
// and close with none of those, and Trim's search of a cutset with dashes
// beyond ASCII costs more than the rest of the line's tests.
func trimNoiseMarks(s string) string {
	if s != "" && !noiseMarkByte(s[0]) && !noiseMarkByte(s[len(s)-1]) {
		return s
	}
	return strings.Trim(s, "*_#>[]() \t-–—")
}

// noiseMarkByte: a byte that may be (part of) a mark trimNoiseMarks trims.
func noiseMarkByte(c byte) bool {
	return c >= utf8.RuneSelf || strings.IndexByte("*_#>[]() \t-", c) >= 0
}

func isAny(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isByline matches "By Jane Doe", "By Jane Doe | March 3, 2022" and
// "Written by Jane Doe": a few capitalised words and nothing that reads
// like a sentence.
func isByline(s string) bool {
	s = strings.Trim(s, "*_ ")
	var rest string
	ok := false
	for _, p := range bylineCues {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			rest, ok = s[len(p):], true
			break
		}
	}
	if !ok {
		return false
	}
	if i := strings.IndexAny(rest, "|,•·—–"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && w != "and" {
			return false
		}
	}
	return !strings.HasSuffix(s, ".")
}

var months = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}

// isDateLine matches a line that is only a date: "March 3, 2022",
// "3 March 2022", "2022-03-03", "03/03/2022", optionally with a weekday.
func isDateLine(l string) bool {
	if len(l) > 40 || strings.IndexAny(l, "0123456789") < 0 {
		return false // a date has a day, a year or a numeric date
	}
	digits, month, other := 0, false, 0
	for rest := l; rest != ""; {
		i := strings.IndexAny(rest, " ,.")
		w := rest
		if i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if w == "" {
			continue
		}
		switch {
		case isDigits(w):
			digits++
		case isNumericDate(w):
			digits += 3
		case isMonth(w):
			month = true
		case isWeekday(w):
		default:
			other++
		}
	}
	return other == 0 && ((month && digits >= 1) || digits >= 3)
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func isNumericDate(w string) bool {
	parts, in := 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-' || c == '/':
			in = false
		case c >= '0' && c <= '9':
			if !in {
				parts++
			}
			in = true
		default:
			return false
		}
	}
	return parts == 3
}

func isMonth(w string) bool {
	for _, m := range months {
		if w == m {
			return true
		}
	}
	return false
}

func isWeekday(w string) bool {
	switch strings.TrimSuffix(w, "day") {
	case "mon", "tues", "wednes", "thurs", "fri", "satur", "sun":
		return true
	}
	return false
}

// isImageLine matches a Markdown image alone on its line: "![alt](src)".
func isImageLine(s string) bool {
	return strings.HasPrefix(s, "![") && strings.HasSuffix(s, ")") && strings.Contains(s, "](")
}

// isCaption matches an italic line that credits a photograph: "*Saoirse
// Ronan in Lady Bird. Photo: A24*". Italic prose without a credit stays.
func isCaption(s, l string) bool {
	if len(s) < 3 || s[0] != s[len(s)-1] || s[0] != '*' && s[0] != '_' || strings.HasPrefix(s, "**") {
		return false
	}
	for _, c := range []string{"photo:", "photograph:", "image:", "credit:", "courtesy of", "(photo", "photo by"} {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// isReadingTime matches "5 min read" and "Reading time: 6 minutes".
func isReadingTime(l string) bool {
	if len(l) > 30 {
		return false
	}
	return strings.HasPrefix(l, "reading time") || strings.HasSuffix(l, " min read") || strings.HasSuffix(l, " minute read")
}

// lowerInto lower-cases the ASCII letters of s (at most 160 bytes) into
// buf and returns the result as a string sharing buf's memory: it must
// not outlive the caller's buf.
func lowerInto(buf *[160]byte, s string) string {
	n := copy(buf[:], s)
	for i := range n {
		if c := buf[i]; 'A' <= c && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	if n == 0 {
		return ""
	}
	return unsafe.String(&buf[0], n)
}

// lowerASCII lower-cases ASCII letters only, with no allocation when s
// has none in upper case.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
