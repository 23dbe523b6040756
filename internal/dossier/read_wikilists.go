package dossier

import (
	"strings"
)

// Wikitext marks lists and tables its own way: "*Item" and "#Item" (no
// space needed, "**" for a nested item), ":" for an indent, ";" for a
// term, and tables as "{|" … "|-" … "|}" with "!" header cells and "||"
// between cells. The read stage rewrites them as Markdown lists and
// tables, so that "#" is never a heading and a cast list is a list.

// isWikiDocument reports a raw wikitext article: a "== Heading ==" line
// and no Markdown ATX heading.
func isWikiDocument(lines []string) bool {
	wiki := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "## ") {
			return false
		}
		wiki = wiki || wikiHeading(t) > 0
	}
	return wiki
}

// wikiListLine rewrites a wikitext list line ("*[[A]] as B", "# Song",
// ":indented") as a Markdown one; ok is false for any other line.
func wikiListLine(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if t == "" || strings.HasPrefix(t, "#REDIRECT") {
		return l, false
	}
	n := 0
	for n < len(t) && n < 6 && strings.IndexByte("*#:;", t[n]) >= 0 {
		n++
	}
	if n == 0 {
		return l, false
	}
	rest := strings.TrimSpace(t[n:])
	switch t[n-1] {
	case '*':
		return "- " + rest, true
	case '#':
		return "1. " + rest, true
	default: // ":" indents a line (a reply, a quotation), ";" is a term
		return rest, true
	}
}

// wikiTable reads the wikitext table that opens at line i ("{|") and
// returns the index of its closing line. Its rows come out as a Markdown
// table in the table's first lines and blank lines after, so the lines
// that follow keep their numbers.
func (s *source) wikiTable(i int, out *[]string) int {
	end := min(len(s.lines), i+2000) - 1 // an unclosed table ends where the search does
	var rows [][]string
	var row []string
	header := false
	// A "rowspan=N" cell stands in the rows below it too: carried[col]
	// holds its text and how many more rows it fills.
	type carry struct {
		text string
		rows int
	}
	carried := map[int]*carry{}
	fillCarried := func() {
		for c := carried[len(row)]; c != nil && c.rows > 0; c = carried[len(row)] {
			row = append(row, c.text)
			c.rows--
		}
	}
	cell := func(c string) {
		fillCarried()
		text := s.wikiCell(c)
		if n := rowspan(c); n > 1 {
			carried[len(row)] = &carry{text, n - 1}
		}
		row = append(row, text)
	}
	flush := func() {
		if len(row) > 0 {
			fillCarried()
			rows = append(rows, row)
		}
		row = nil
	}
	for j := i + 1; j < len(s.lines) && j < i+2000; j++ {
		t := strings.TrimSpace(s.lines[j])
		switch {
		case strings.HasPrefix(t, "|}"):
			end = j
			j = len(s.lines)
		case strings.HasPrefix(t, "|+"): // a caption
		case strings.HasPrefix(t, "|-"):
			flush()
		case strings.HasPrefix(t, "!"):
			header = header || len(rows) == 0
			for _, c := range strings.Split(t[1:], "!!") {
				cell(c)
			}
		case strings.HasPrefix(t, "|"):
			for _, c := range strings.Split(t[1:], "||") {
				cell(c)
			}
		case t != "" && len(row) > 0:
			row[len(row)-1] = strings.TrimSpace(row[len(row)-1] + " " + s.wikiCell(t))
		}
	}
	flush()
	base := len(*out)
	*out = append(*out, "")
	if text, by, ok := quoteBox(rows); ok {
		// A one-column box of a quotation and "— its author": the
		// quotation is article text, set in quotation marks, its author
		// kept for the quote stage.
		*out = append(*out, "“"+text+"”")
		if s.quoteBy == nil {
			s.quoteBy = map[string]string{}
		}
		s.quoteBy[text] = by
		rows = nil
	}
	if len(rows) > 0 {
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		emit := func(r []string) {
			*out = append(*out, "| "+strings.Join(r, " | ")+" |")
		}
		if !header {
			emit(make([]string, width))
		}
		for k, r := range rows {
			emit(r)
			if k == 0 {
				emit(slicesRepeat("---", len(r)))
			}
		}
	}
	for len(*out)-base < end-i+1 {
		*out = append(*out, "")
	}
	return end
}

// wikiCell is one table cell's text: its attributes ("align=center|")
// dropped, its markup stripped, the result templates {{won}} and {{nom}}
// read as words.
func (s *source) wikiCell(c string) string {
	c = strings.TrimSpace(c)
	if k := cellAttrEnd(c); k >= 0 {
		c = strings.TrimSpace(c[k+1:])
	}
	switch strings.ToLower(strings.Trim(c, "{} ")) {
	case "won", "won|", "yes":
		return "Won"
	case "nom", "nominated", "pending":
		return "Nominated"
	}
	text, _ := s.wikiLine(c)
	text = strings.TrimSpace(strings.Join(stripTags(text), " / "))
	return strings.ReplaceAll(text, "|", "/")
}

// quoteBox reads a table of one column whose rows are a quotation and,
// last, its author after a dash ("— Hayao Miyazaki"), as encyclopedias
// set a quotation beside the text.
func quoteBox(rows [][]string) (text, by string, ok bool) {
	if len(rows) < 2 {
		return "", "", false
	}
	var parts []string
	for i, r := range rows {
		cells := 0
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				cells++
			}
		}
		if cells > 1 {
			return "", "", false
		}
		c := strings.TrimSpace(strings.Join(r, ""))
		if i < len(rows)-1 {
			if c != "" {
				parts = append(parts, c)
			}
			continue
		}
		for _, dash := range []string{"— ", "– ", "―", "—", "-- "} {
			if rest, cut := strings.CutPrefix(c, dash); cut {
				by = strings.TrimSpace(rest)
				break
			}
		}
	}
	text = strings.Join(parts, " ")
	if by == "" || wordCount(by) > 6 || wordCount(text) < 8 {
		return "", "", false
	}
	return text, by, true
}

// rowspan is the number of rows a cell's "rowspan=N" attribute spans,
// or 0.
func rowspan(c string) int {
	c = strings.TrimSpace(c)
	k := cellAttrEnd(c)
	if k < 0 {
		return 0
	}
	attrs := strings.ToLower(c[:k])
	i := strings.Index(attrs, "rowspan=")
	if i < 0 {
		return 0
	}
	v := strings.TrimLeft(attrs[i+len("rowspan="):], "\"' ")
	n := 0
	for j := 0; j < len(v) && v[j] >= '0' && v[j] <= '9' && n < 1000; j++ {
		n = n*10 + int(v[j]-'0')
	}
	return n
}

// cellAttrEnd returns the index of the "|" that ends a cell's attributes
// ("rowspan=2 align=left| text"), or -1: a "|" inside a link or template
// is not one, nor one with no "=" before it.
func cellAttrEnd(c string) int {
	depth := 0
	for i := 0; i < len(c); i++ {
		switch {
		case strings.HasPrefix(c[i:], "[[") || strings.HasPrefix(c[i:], "{{"):
			depth++
			i++
		case strings.HasPrefix(c[i:], "]]") || strings.HasPrefix(c[i:], "}}"):
			depth--
			i++
		case c[i] == '|' && depth == 0:
			if strings.Contains(c[:i], "=") {
				return i
			}
			return -1
		}
	}
	return -1
}

func slicesRepeat(s string, n int) []string {
	r := make([]string, n)
	for i := range r {
		r[i] = s
	}
	return r
}
