package dossier

import "strings"

// stripTags removes inline HTML from a Markdown or plain-text line, so no
// raw HTML reaches a dossier. Emphasis tags become Markdown emphasis (it
// is evidence of a title); "<br>" splits the line, the parts returned in
// order; "<ref>…</ref>", "<script>…</script>", "<style>…</style>" and
// comments go with their content. A "<" that opens no tag ("a < b") stays.
func stripTags(l string) []string {
	var parts []string
	var b strings.Builder
	b.Grow(len(l))
	for i := 0; i < len(l); {
		c := l[i]
		if c != '<' || i+1 >= len(l) || !(isASCIILetter(l[i+1]) || l[i+1] == '/' || l[i+1] == '!') {
			b.WriteByte(c)
			i++
			continue
		}
		if strings.HasPrefix(l[i:], "<!--") {
			if j := strings.Index(l[i:], "-->"); j >= 0 {
				i += j + 3
			} else {
				i = len(l)
			}
			continue
		}
		j := strings.IndexByte(l[i:], '>')
		if j < 0 {
			b.WriteString(l[i:])
			break
		}
		tag := l[i+1 : i+j]
		i += j + 1
		name, closing := tagName(tag)
		switch name {
		case "br", "p", "div", "li", "tr", "hr":
			if closing && name == "br" {
				continue
			}
			if s := strings.TrimSpace(b.String()); s != "" || name == "br" {
				parts = append(parts, s)
			}
			b.Reset()
		case "em", "i", "cite":
			b.WriteByte('_')
		case "strong", "b":
			b.WriteString("**")
		case "ref", "script", "style", "noscript", "template":
			if closing || strings.HasSuffix(tag, "/") {
				continue
			}
			if k := strings.Index(l[i:], "</"+name); k >= 0 {
				i += k
			} else {
				i = len(l)
			}
		}
	}
	parts = append(parts, strings.TrimRight(b.String(), " "))
	if len(parts) > 1 && parts[0] == "" {
		parts = parts[1:]
	}
	return parts
}

// tagName returns the lower-case element name of a tag's inside ("em",
// "/em", "br /", "a href=…") and whether it closes.
func tagName(tag string) (string, bool) {
	closing := strings.HasPrefix(tag, "/")
	tag = strings.TrimPrefix(tag, "/")
	n := 0
	for n < len(tag) && (isASCIILetter(tag[n]) || tag[n] >= '0' && tag[n] <= '9') {
		n++
	}
	return strings.ToLower(tag[:n]), closing
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
