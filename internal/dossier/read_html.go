package dossier

import (
	"fmt"
	"strings"

	"golang.org/x/net/html/atom"

	"marquee/internal/film"
)

// looksHTML reports a page rather than Markdown with a little inline
// HTML: it opens with a tag or a server template directive, or its
// paragraphs are <p> elements.
func looksHTML(text string) bool {
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	t := strings.TrimSpace(head)
	if strings.HasPrefix(t, "<") && len(t) > 1 && (isASCIILetter(t[1]) || t[1] == '!' || t[1] == '%' || t[1] == '?') {
		return true
	}
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	return containsFold(head, "<html") || containsFold(head, "<body") ||
		countFold(head, "</p>", 3) >= 3 && !strings.Contains(head, "\n#")
}

// containsFold reports sub in s, ignoring ASCII case; sub is lower case.
func containsFold(s, sub string) bool { return countFold(s, sub, 1) > 0 }

// countFold counts sub in s, ignoring ASCII case, up to limit; sub is
// lower case and starts with a byte that has no case ('<').
func countFold(s, sub string, limit int) int {
	n := 0
	for i := 0; n < limit; {
		j := strings.IndexByte(s[i:], sub[0])
		if j < 0 {
			break
		}
		i += j
		if len(s)-i < len(sub) {
			break
		}
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			n++
			i += len(sub)
			continue
		}
		i++
	}
	return n
}

func equalFoldASCII(s, lower string) bool {
	for k := 0; k < len(lower); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[k] {
			return false
		}
	}
	return true
}

// maxNesting is the deepest element nesting a page may have. Real pages
// stay under a hundred; browsers stop nesting at 512.
const maxNesting = 512

// chromeTags are elements that are never article text.
var chromeTags = map[atom.Atom]string{
	atom.Nav: "navigation", atom.Header: "page header", atom.Footer: "page footer", atom.Aside: "sidebar",
	atom.Form: "form", atom.Menu: "navigation", atom.Button: "button", atom.Select: "form",
}

// chromeHints are class or id words that web templates give to page
// furniture (general conventions of HTML templates, not of any site).
var chromeHints = []struct{ word, reason string }{
	{"share", "share buttons"}, {"social", "share buttons"}, {"related", "related posts"},
	{"comment", "comments"}, {"newsletter", "newsletter box"}, {"subscribe", "newsletter box"},
	{"membership", "membership promo"}, {"donate", "membership promo"}, {"sidebar", "sidebar"},
	{"breadcrumb", "navigation"}, {"menu", "navigation"}, {"navbar", "navigation"}, {"cookie", "cookie notice"},
	{"advert", "advertisement"}, {"promo", "promo"}, {"screening", "screening schedule"},
	{"showtime", "screening schedule"}, {"schedule", "screening schedule"}, {"tickets", "screening schedule"},
	{"footer", "page footer"}, {"masthead", "page header"}, {"pagination", "navigation"},
}

// readHTML finds the main content of a page and writes it as Markdown
// lines. Scripts, styles, event attributes and every other attribute are
// dropped; page chrome is removed and listed as noise.
func (s *source) readHTML(file, text string) error {
	text = stripDirectives(text)
	t, line, ok := buildTree(text)
	if !ok {
		// Closing a tag looks up the stack of open elements; a page nested
		// this deep is not an article.
		return &ParseError{File: file, Line: line, Reason: fmt.Sprintf(
			"HTML nested more than %d elements deep; not an article page", maxNesting)}
	}
	t.chromeNoise(func(text, reason string) {
		s.noise = append(s.noise, film.Noise{Text: text, Reason: reason})
	})
	t.measure()
	w := &mdWriter{t: t}
	for _, c := range t.content() {
		w.node(c)
	}
	w.flush()
	lines := w.lines
	if !hasTitle(lines) {
		title := pageTitle(t.title)
		if title == "" {
			title = t.firstHeading()
		}
		if title != "" {
			lines = append([]string{"# " + title, ""}, lines...)
		}
	}
	if countWords(lines) < 20 {
		return &ParseError{File: file, Reason: "no article text found (the page is navigation and page chrome only)"}
	}
	s.lines = lines
	s.cleanMarkup()
	return nil
}

// pageTitle drops the site's name from a page title: "Review: Portrait of
// a Lady on Fire – Frames Per Second" is "Review: Portrait of a Lady on
// Fire"; "La Haine | Programme notes | The Regent" is "La Haine".
func pageTitle(t string) string {
	if i := strings.Index(t, " | "); i > 0 {
		return strings.TrimSpace(t[:i])
	}
	for _, sep := range []string{" – ", " — ", " - "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// stripDirectives removes server template directives ("<%@ Page … %>",
// "<?php … ?>"), which HTML parsers read as text.
func stripDirectives(s string) string {
	if !strings.Contains(s, "<%") && !strings.Contains(s, "<?") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '<' || i+1 == len(s) || s[i+1] != '%' && s[i+1] != '?' {
			b.WriteByte(s[i])
			i++
			continue
		}
		closeMark := "%>"
		if s[i+1] == '?' {
			closeMark = "?>"
		}
		j := strings.Index(s[i+2:], closeMark)
		if j < 0 {
			break // an unclosed directive runs to the end
		}
		i += j + 4
	}
	return b.String()
}

func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// hasTitle reports a level-one heading: when the content box does not
// hold the page's <h1>, the page's title is put back in front.
func hasTitle(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, "# ") {
			return true
		}
	}
	return false
}

func countWords(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			n += fieldCount(l)
		}
	}
	return n
}

// fieldCount is len(strings.Fields(s)) for ASCII spacing, without the
// slice.
func fieldCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
