package dossier

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// A MediaWiki XML export (Special:Export, or one <page> element of a
// dump) wraps an article's wikitext in page and revision metadata, with
// the markup XML-escaped: "&lt;ref&gt;", "&quot;". The read stage takes
// the wikitext of the first page out of it and reads that; the page's
// title is the article's own word for what it is about.

// mwExport is what the read stage keeps of an export.
type mwExport struct {
	text  string // the wikitext, entities decoded, led by blank lines so line numbers are the file's
	title string // the page title: "Raising the Wind (1961 film)"
	pages int    // how many <page> elements the export holds
}

// readMediaWikiExport returns the first page of a MediaWiki XML export,
// or ok=false when text is not one. It looks only at the opening of the
// input and at the one <text> element, so it is linear in len(text).
func readMediaWikiExport(text string) (x mwExport, ok bool) {
	head := strings.TrimSpace(text[:min(len(text), 4096)])
	head = strings.TrimPrefix(head, "\ufeff")
	if strings.HasPrefix(head, "<?xml") {
		if k := strings.Index(head, "?>"); k > 0 {
			head = strings.TrimSpace(head[k+2:])
		}
	}
	if !strings.HasPrefix(head, "<mediawiki") && !strings.HasPrefix(head, "<page>") {
		return x, false
	}
	open := strings.Index(text, "<text")
	if open < 0 || !strings.Contains(text[:open], "<revision") {
		return x, false
	}
	end := strings.IndexByte(text[open:], '>')
	if end < 0 {
		return x, false
	}
	start := open + end + 1
	body := ""
	if text[start-2] != '/' { // <text bytes="0" /> is a page with no text
		closeAt := strings.Index(text[start:], "</text>")
		if closeAt < 0 {
			closeAt = len(text) - start
		}
		// Once for the XML, once for the entities wikitext itself uses
		// ("&nbsp;", "&ndash;"), as plain text is read.
		body = html.UnescapeString(html.UnescapeString(text[start : start+closeAt]))
	}
	x.text = strings.Repeat("\n", strings.Count(text[:start], "\n")) + body
	if t := strings.Index(text[:open], "<title>"); t >= 0 {
		rest := text[t+len("<title>") : open]
		if e := strings.Index(rest, "</title>"); e >= 0 {
			x.title = strings.TrimSpace(html.UnescapeString(rest[:e]))
		}
	}
	x.pages = strings.Count(text, "<page>")
	return x, true
}

// exportMeta turns an export's page title into front-matter data: the
// title without its disambiguation ("Uncharted (film)" is Uncharted; "Raising
// the Wind (1961 film)" is Raising the Wind, of 1961).
func exportMeta(title string) frontMatter {
	m := frontMatter{Title: title, FilmTitle: title, present: title != ""}
	if k := strings.LastIndex(title, " ("); k > 0 && strings.HasSuffix(title, ")") {
		inner := strings.Fields(title[k+2 : len(title)-1])
		if n := len(inner); n > 0 && (inner[n-1] == "film" || inner[n-1] == "movie") {
			m.FilmTitle = strings.TrimSpace(title[:k])
			if y, err := strconv.Atoi(inner[0]); err == nil && n == 2 && y > 1870 && y < 2200 {
				m.Year = y
			}
		}
	}
	return m
}

// readExport reads an export's first page as wikitext; a warning says
// when the export held more pages than that one.
func (s *source) readExport(file string, x mwExport) {
	s.format = formatWiki
	s.lines = splitLines(x.text)
	s.meta = exportMeta(x.title)
	if x.pages > 1 {
		s.warnings = append(s.warnings, fmt.Sprintf("%s: a MediaWiki export of %d pages; only the first, %q, was read", file, x.pages, x.title))
	}
	s.cleanMarkup()
	s.format = formatWiki
}
