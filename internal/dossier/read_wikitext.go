package dossier

import (
	"strings"
)

// Wikipedia articles reach us as wikitext or, more often, converted by
// pandoc to Markdown, which leaves remnants: "{.wikilink}" attributes,
// "[^21]" footnote marks, "{{sfn|…}}" templates it did not understand,
// and fenced "{=mediawiki}" blocks holding the infobox and cast list.

// mediawikiFence matches the opening of a pandoc raw block:
// "```{=mediawiki}" or "``` {=mediawiki}".
func mediawikiFence(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
		return "", false
	}
	rest := strings.TrimSpace(strings.TrimLeft(t, "`~"))
	if rest != "{=mediawiki}" && rest != "{=html}" && rest != "{=latex}" {
		return "", false
	}
	return t[:3], true
}

// mediawikiBlock reads the raw block opening at line i and returns the
// index of its closing fence. A cast list in it ("* [[Actor]] as
// [[Character|Name]]") comes out as list lines in its place; infobox
// fields become references data; the rest becomes blank lines, so line
// numbers stay true.
func (s *source) mediawikiBlock(i int, fence string, out *[]string) int {
	end := len(s.lines) - 1
	for j := i + 1; j < len(s.lines); j++ {
		if strings.HasPrefix(strings.TrimSpace(s.lines[j]), fence) {
			end = j
			break
		}
	}
	*out = append(*out, "")
	for j := i + 1; j <= end; j++ {
		l := strings.TrimSpace(s.lines[j])
		if j == end && strings.HasPrefix(l, fence) {
			*out = append(*out, "")
			continue
		}
		switch {
		case strings.HasPrefix(l, "*") && strings.Contains(l, "[["):
			text, _ := s.wikiLine(strings.TrimLeft(l, "*: "))
			*out = append(*out, "- "+text)
		case strings.HasPrefix(l, "|") && strings.Contains(l, "="):
			text, _ := s.wikiLine(strings.TrimSpace(strings.TrimPrefix(l, "|")))
			if k, v, ok := strings.Cut(text, "="); ok && strings.TrimSpace(v) != "" {
				s.refs = append(s.refs, "infobox "+strings.TrimSpace(k)+": "+strings.TrimSpace(v))
			}
			*out = append(*out, "")
		default:
			*out = append(*out, "")
		}
	}
	return end
}

// wikiLine strips wikitext and pandoc remnants from one line. ref reports
// a footnote definition ("[^21]: …"), which goes to references data.
func (s *source) wikiLine(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if strings.HasPrefix(t, "[^") {
		if k := strings.Index(t, "]:"); k > 0 {
			text, _ := s.wikiLine(t[k+2:])
			s.refs = append(s.refs, strings.TrimSpace(text))
			return "", true
		}
	}
	if n := wikiHeading(t); n > 0 {
		// "== Cast ==" is a heading.
		text, _ := s.wikiLine(strings.ReplaceAll(strings.TrimSpace(strings.Trim(t, "=")), "''", ""))
		return strings.Repeat("#", n) + " " + text, false
	}
	var b strings.Builder
	b.Grow(len(l))
	for i := 0; i < len(l); {
		switch {
		case strings.HasPrefix(l[i:], "{{"):
			start := i
			i = skipTemplate(l, i)
			if t, ok := shownTemplate(l[start:i]); ok {
				// "{{Nihongo|'''Kagero'''|陽炎}}", "{{nowrap|…}}", "{{'}}":
				// templates that show some of their own text.
				text, _ := s.wikiLine(t)
				b.WriteString(text)
				continue
			}
			if q := quotationTemplate(l[start:i]); q != "" {
				// "{{cquote|…}}", "{{quote|text=…}}": the quotation is
				// article text, though its frame is not.
				text, _ := s.wikiLine(q)
				b.WriteString(text)
				continue
			}
			if strings.HasSuffix(b.String(), "(") && strings.HasPrefix(l[i:], ")") {
				// "Kadavul ({{lang-en|God}})": the gloss went with its
				// template; so do its brackets.
				kept := strings.TrimRight(strings.TrimSuffix(b.String(), "("), " ")
				b.Reset()
				b.WriteString(kept)
				i++
			}
			continue
		case strings.HasPrefix(l[i:], "[["):
			// Links are short; bounding the search keeps "[[a|[[a|…" linear.
			if j := strings.Index(l[i+2:min(len(l), i+302)], "]]"); j >= 0 {
				inner := l[i+2 : i+2+j]
				target := inner
				if k := strings.LastIndexByte(inner, '|'); k >= 0 {
					target = inner[:strings.IndexByte(inner, '|')]
					s.linkKind(target, inner[k+1:])
					inner = inner[k+1:]
				}
				// "[[Image:Lane.jpg|70px]]", "[[Category:1938 films]]": the
				// target's namespace says it is no text of the article.
				if c, _, ok := strings.Cut(target, ":"); !ok || !isNamespace(strings.TrimSpace(c)) {
					b.WriteString(inner)
				}
				i += j + 4
				continue
			}
		case strings.HasPrefix(l[i:], "[^"):
			if j := strings.IndexByte(l[i:min(len(l), i+40)], ']'); j > 0 {
				i += j + 1 // a footnote mark
				continue
			}
		case l[i] == '{' && i > 0 && (l[i-1] == ')' || l[i-1] == ']' || l[i-1] == '`' || l[i-1] == ' ') &&
			i+1 < len(l) && (l[i+1] == '.' || l[i+1] == '#'):
			if j := strings.IndexByte(l[i:min(len(l), i+200)], '}'); j > 0 {
				i += j + 1 // a pandoc attribute: {.wikilink}, {#cast}
				continue
			}
		case strings.HasPrefix(l[i:], " \"wikilink\")"):
			b.WriteByte(')')
			i += len(" \"wikilink\")")
			continue
		case strings.HasPrefix(l[i:], "'''"):
			b.WriteString("**")
			i += 3
			continue
		case strings.HasPrefix(l[i:], "''"):
			b.WriteByte('_')
			i += 2
			continue
		}
		b.WriteByte(l[i])
		i++
	}
	return b.String(), false
}

// wikiHeading returns the level of a "== Heading ==" line, or 0.
func wikiHeading(t string) int {
	n := 0
	for n < len(t) && n < 6 && t[n] == '=' {
		n++
	}
	if n < 2 || len(t) < 2*n+1 || !strings.HasSuffix(t, strings.Repeat("=", n)) || strings.Trim(t, "= ") == "" {
		return 0
	}
	return n
}

// skipTemplate returns the index after the template opening at i,
// counting nested braces; an unclosed one runs to the end of the line.
func skipTemplate(l string, i int) int {
	depth := 0
	for j := i; j+1 < len(l); j++ {
		switch {
		case l[j] == '{' && l[j+1] == '{':
			depth++
			j++
		case l[j] == '}' && l[j+1] == '}':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(l)
}

func isNamespace(s string) bool {
	switch strings.ToLower(s) {
	case "file", "image", "category", "wikt", "wiktionary", "commons", "s", "q":
		return true
	}
	return false
}

// quotationTemplates set a quotation apart: its text is the article's.
var quotationTemplates = map[string]bool{"quote": true, "cquote": true, "blockquote": true, "quotation": true,
	"rquote": true, "quote box": true, "pull quote": true, "centered pull quote": true}

// quotationTemplate returns the quoted text of a quotation template
// ("{{cquote|text|author}}", "{{quote|text=…|author=…}}"), or "".
func quotationTemplate(t string) string {
	if !strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") {
		return ""
	}
	parts := splitTemplateArgs(t[2 : len(t)-2])
	if len(parts) < 2 || !quotationTemplates[strings.ToLower(strings.TrimSpace(parts[0]))] {
		return ""
	}
	for _, p := range parts[1:] {
		k, v, named := strings.Cut(p, "=")
		if named && !strings.ContainsAny(k, "[{\"'") {
			if k = strings.TrimSpace(strings.ToLower(k)); k == "text" || k == "quote" || k == "1" {
				return strings.TrimSpace(v)
			}
			continue
		}
		return strings.TrimSpace(p)
	}
	return ""
}

// splitTemplateArgs splits a template's inside at the "|" that are not
// inside a nested link or template.
func splitTemplateArgs(s string) []string {
	var parts []string
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "[["):
			depth++
			i++
		case strings.HasPrefix(s[i:], "}}") || strings.HasPrefix(s[i:], "]]"):
			depth--
			i++
		case s[i] == '|' && depth == 0:
			parts = append(parts, s[from:i])
			from = i + 1
		}
	}
	return append(parts, s[from:])
}
