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
