package dossier

import (
	"path"
	"strings"

	"marquee/internal/film"
)

// The read stage turns the bytes of an article, whatever its format, into
// the lines the structure stage reads: decoded text (read_decode.go), front
// matter taken off as data (read_frontmatter.go), HTML pages reduced to
// their main content (read_html.go), and the remnants of wikitext and
// pandoc stripped (read_wikitext.go). Markdown and plain text come through
// as lines; inline markup (emphasis, links) stays, because it is evidence
// for the extract stage.

// Format names the kind of input an article was read as.
const (
	formatText     = "text"
	formatMarkdown = "markdown"
	formatHTML     = "html"
	formatWiki     = "wikitext"
)

// source is an article after the read stage.
type source struct {
	lines       []string
	format      string
	meta        frontMatter
	warnings    []string
	noise       []film.Noise
	refs        []string // back matter kept as data: references, notes, links
	cred        creditsBlock
	links       map[string]bool   // folded link text → whether its target is a film's article
	linkedFilms []string          // the texts of links to films' articles, in order
	quoteBy     map[string]string // quotation text → author, from quotation boxes
}

// read decodes src and brings it to lines. Its only errors are for input
// that is not a text article at all, and for a page with no article text.
func read(file string, src []byte, maxBytes int) (*source, error) {
	text, warnings, err := decodeText(file, src, maxBytes)
	if err != nil {
		return nil, err
	}
	s := &source{warnings: warnings, format: formatText}
	if x, ok := readMediaWikiExport(text); ok {
		s.readExport(file, x)
	} else if looksHTML(text) {
		s.format = formatHTML
		if err := s.readHTML(file, text); err != nil {
			return nil, err
		}
	} else {
		if strings.Contains(text, "&") {
			// Scraped text keeps its entities: "Cast &amp; Crew", "It&#8217;s".
			text = unescapeEntities(text)
		}
		s.lines = splitLines(text)
		s.frontMatter(file)
		if s.meta.present || markdownName(file) || hasMarkdownSigns(s.lines) {
			// Front matter is a static site's, and a ".md" file says what
			// it is even when its text uses no Markdown.
			s.format = formatMarkdown
		}
		s.cleanMarkup()
		s.navigation()
		s.breadcrumbs()
	}
	s.credits()
	return s, nil
}

// markdownName reports a file name with a Markdown extension.
func markdownName(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return true
	}
	return false
}

// hasMarkdownSigns reports ATX headings, emphasis or links, for the
// format the import reports.
func hasMarkdownSigns(lines []string) bool {
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ") || strings.Contains(t, "](") || strings.Contains(t, "**") {
			return true
		}
	}
	return false
}

// cleanMarkup strips what is not article text from Markdown and plain
// lines: wikitext and pandoc remnants, inline HTML tags and "<br />"
// separators (which become line breaks).
func (s *source) cleanMarkup() {
	wiki := false
	// In Markdown a template or two ("{{'}}") are remnants of a converted
	// page; a pasted wikitext page has them on many lines.
	wikiOnlyLines := 0
	wikiDoc := s.format == formatWiki || isWikiDocument(s.lines)
	out := lineScratch.get(len(s.lines))
	for i := 0; i < len(s.lines); i++ {
		l := s.lines[i]
		if wikiDoc {
			if strings.HasPrefix(strings.TrimSpace(l), "{|") {
				wiki = true
				i = s.wikiTable(i, &out)
				continue
			}
			l, _ = wikiListLine(l)
		}
		if n := codeFence(s.lines, i); n >= 0 {
			// A fenced code block (a note's query, a site's snippet) is
			// never article text; its lines stay as blank lines, and so
			// does a bare "**Genres**:" label it was the value of.
			if k := len(out) - 1; k >= 0 && bareLabel(out[k]) {
				out[k] = ""
			}
			for ; i < n; i++ {
				out = append(out, "")
			}
			i = n
			out = append(out, "")
			continue
		}
		if strings.IndexByte(l, '.') >= 0 && !wikiDoc {
			l = dropImageDebris(l)
		}
		if codeOnly(l) || elisionOnly(l) || noteMarksOnly(l) {
			out = append(out, "")
			continue
		}
		if fence, ok := mediawikiFence(l); ok {
			wiki = true
			n := s.mediawikiBlock(i, fence, &out)
			i = n
			continue
		}
		if n := s.wikiTemplateBlock(i, &out); n >= 0 {
			wiki = true
			i = n
			continue
		}
		if wikiMarks(l) {
			var ref bool
			l, ref = s.wikiLine(l)
			if ref {
				wiki = true
				out = append(out, "")
				continue
			}
			if l != s.lines[i] && s.format == formatMarkdown && wikiOnly(s.lines[i]) {
				wikiOnlyLines++
			}
			wiki = wiki || l != s.lines[i] && (s.format != formatMarkdown || wikiOnlyLines >= 3)
		}
		if strings.IndexByte(l, '<') >= 0 {
			parts := stripTags(l)
			out = append(out, parts[0])
			for _, p := range parts[1:] {
				// A "<br />" separated what are paragraphs or lines of
				// their own; line numbers stay those of the source line.
				out = append(out, "", p)
			}
			continue
		}
		out = append(out, l)
	}
	lineScratch.put(s.lines)
	s.lines = out
	if wiki {
		s.format = formatWiki
	}
}

// wikiMarks reports a line that may hold wikitext or pandoc remnants:
// "{{", "[[", "{.", "{#", "[^", "\"wikilink\"" or two straight single
// quotes anywhere, or "==" at its start. Every line of the article comes
// here: the searches jump between the few bytes that can open a mark.
func wikiMarks(l string) bool {
	return strings.HasPrefix(l, "==") || byteThen(l, '{', "{.#") || byteThen(l, '[', "[^") ||
		strings.Contains(l, "''") || strings.Contains(l, "\"wikilink\"")
}

// byteThen reports whether c occurs in l followed by one of next. It
// jumps between the occurrences of c, which most lines have none of.
func byteThen(l string, c byte, next string) bool {
	for i := strings.IndexByte(l, c); i >= 0 && i+1 < len(l); {
		if strings.IndexByte(next, l[i+1]) >= 0 {
			return true
		}
		k := strings.IndexByte(l[i+1:], c)
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}
