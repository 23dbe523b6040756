package dossier

import "strings"

// codeFence returns the index of the line that closes the fenced code
// block opening at line i ("```js", "~~~"), or the last line when it is
// never closed; -1 when line i opens no fence. Pandoc's raw blocks
// ("```{=mediawiki}") are left to mediawikiFence.
func codeFence(lines []string, i int) int {
	t := strings.TrimSpace(lines[i])
	var mark string
	switch {
	case strings.HasPrefix(t, "```"):
		mark = "```"
	case strings.HasPrefix(t, "~~~"):
		mark = "~~~"
	default:
		return -1
	}
	if strings.Contains(t, "{=") {
		return -1
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.HasPrefix(strings.TrimSpace(lines[j]), mark) {
			return j
		}
	}
	return len(lines) - 1
}

// codeOnly reports a line whose only words are inline code spans, under
// a heading mark or a bold label at most: "# `$= dv.current().title`",
// "**Type**: `$= dv.current().type`". Template code of a note or a page
// is not article text.
func codeOnly(l string) bool {
	if strings.Count(l, "`") < 2 || strings.HasPrefix(strings.TrimSpace(l), "```") || strings.HasPrefix(strings.TrimSpace(l), "~~~") {
		return false
	}
	t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#"))
	if strings.HasPrefix(t, "**") {
		if end := strings.Index(t[2:], "**"); end >= 0 {
			t = strings.TrimSpace(strings.TrimPrefix(t[end+4:], ":"))
		}
	}
	if !strings.HasPrefix(t, "`") {
		return false
	}
	var rest strings.Builder
	in := false
	for _, r := range t {
		switch {
		case r == '`':
			in = !in
		case !in:
			rest.WriteRune(r)
		}
	}
	// What is left outside the spans is punctuation at most ("(", "o").
	return len(strings.Fields(rest.String())) <= 1 && len(strings.TrimSpace(rest.String())) <= 2 || strings.HasPrefix(strings.TrimSpace(rest.String()), "(") && strings.Count(t, "`") >= 4
}

// wikiOnly reports markup no Markdown page has: ”'bold”', "== Heading
// ==" lines, {{templates}} and <ref> notes. A Markdown page with
// [[wikilinks]] (an Obsidian note) or pandoc's "wikilink" link titles
// stays Markdown.
func wikiOnly(l string) bool {
	t := strings.TrimSpace(l)
	return strings.Contains(t, "'''") || strings.Contains(t, "{{") || strings.Contains(strings.ToLower(t), "<ref") ||
		strings.HasPrefix(t, "==") && strings.HasSuffix(t, "==")
}

// bareLabel reports a label line with no value: "**Genres**:", "Cast:".
func bareLabel(l string) bool {
	t := strings.TrimSpace(l)
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, ":**") {
		return false
	}
	t = strings.Trim(t, "*_: ")
	return t != "" && wordCount(t) <= 3
}

// noteMarksOnly reports a line of footnote marks and nothing else,
// "[2][3]": what a dump leaves of a list its template drew.
func noteMarksOnly(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	for t != "" {
		if t[0] != '[' {
			return false
		}
		k := strings.IndexByte(t, ']')
		if k < 2 {
			return false
		}
		for _, c := range t[1:k] {
			if c < '0' || c > '9' {
				return false
			}
		}
		t = strings.TrimSpace(t[k+1:])
	}
	return true
}

// elisionOnly reports a line that only marks a cut between passages:
// "[…]", "[...]", "(…)". Excerpts joined that way are paragraphs.
func elisionOnly(l string) bool {
	switch strings.TrimSpace(l) {
	case "[…]", "[...]", "(…)", "(...)", "…", "...":
		return true
	}
	return false
}

// imageExts end the file names an image leaves behind.
var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".svg", ".webm", ".tif", ".tiff", ".JPG", ".JPEG", ".PNG", ".GIF", ".SVG"}

// dropImageDebris removes what a conversion left of an image: its file
// name run into the text ("Orson-Home-1939.jpg Welles spent …") and, when
// the caption's closing "]]" is on the line, the caption with it
// ("Welles_Billboard.jpg" caught the attention of RKO]] Hollywood …").
// A file name has no spaces; prose never ends a word in ".jpg".
func dropImageDebris(l string) string {
	for _, ext := range imageExts {
		for from := 0; from < len(l); {
			i := strings.Index(l[from:], ext)
			if i < 0 {
				break
			}
			i += from
			end := i + len(ext)
			if end < len(l) && isASCIILetter(l[end]) {
				from = end // ".jpgs", ".pngfoo": not an extension
				continue
			}
			start := strings.LastIndexAny(l[:i], " \t") + 1
			if tok := l[start:i]; start == i || strings.Contains(tok, "](") || strings.Contains(tok, "://") ||
				strings.HasPrefix(tok, "/") || strings.HasPrefix(tok, "(") || strings.Contains(tok, "=") {
				// ".jpg" alone is a word about the format; a Markdown
				// image, a URL or an attribute is not debris.
				from = end
				continue
			}
			if k := strings.Index(l[end:min(len(l), end+400)], "]]"); k >= 0 {
				end += k + 2
			} else {
				for end < len(l) && l[end] != ' ' {
					end++
				}
			}
			l = strings.TrimSpace(l[:start]) + " " + strings.TrimSpace(l[end:])
			l = strings.TrimSpace(l)
			from = start
		}
	}
	return l
}
