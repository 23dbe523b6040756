package dossier

import (
	"bytes"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// RenderMarkdown writes d as Markdown: "#" title, "##" sections (an
// untitled section other than the introduction gets its kind's label),
// "###" sub-sections, real lists and tables, and the FAQ as bold "Q:"
// lines with "A:" answers.
func RenderMarkdown(d *film.Dossier) []byte {
	var b bytes.Buffer
	if d.Title != "" {
		b.WriteString("# " + d.Title + "\n\n")
	}
	faqDone := false
	for _, s := range d.Sections {
		if h := sectionHeading(s); h != "" {
			b.WriteString("## " + h + "\n\n")
		}
		for _, bl := range s.Blocks {
			mdBlock(&b, bl)
		}
		for _, sub := range s.Subsections {
			b.WriteString("### " + sub.Label + "\n\n")
			for _, bl := range sub.Blocks {
				mdBlock(&b, bl)
			}
		}
		if s.Kind == film.SectionFAQ && !faqDone {
			faqDone = true
			mdFAQ(&b, d.FAQ)
		}
	}
	if !faqDone && len(d.FAQ) > 0 {
		b.WriteString("## " + film.SectionFAQ.Label() + "\n\n")
		mdFAQ(&b, d.FAQ)
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// sectionHeading is the heading to show: the article's own, or the kind's
// label for an untitled section other than the introduction.
func sectionHeading(s film.Section) string {
	if s.Heading != "" || s.Kind == film.SectionIntroduction {
		return s.Heading
	}
	return s.Kind.Label()
}

func mdBlock(b *bytes.Buffer, bl film.Block) {
	switch bl.Kind {
	case film.BlockList:
		for i, it := range bl.Items {
			if bl.Ordered {
				b.WriteString(strconv.Itoa(i+1) + ". " + noHTML(it) + "\n")
			} else {
				b.WriteString("- " + noHTML(it) + "\n")
			}
		}
	case film.BlockTable:
		header := bl.Header
		if len(header) == 0 && len(bl.Rows) > 0 {
			header = make([]string, len(bl.Rows[0])) // Markdown tables need a header row
		}
		b.WriteString(tableRow(header))
		b.WriteString(strings.Repeat("|---", len(header)) + "|\n")
		for _, r := range bl.Rows {
			b.WriteString(tableRow(r))
		}
	default:
		b.WriteString(noHTML(bl.Text) + "\n")
	}
	b.WriteString("\n")
}

// noHTML escapes a "<" that would open a tag, so an export never emits
// raw HTML, whatever text a dossier carries.
func noHTML(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!' || s[i+1] == '?') {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func mdFAQ(b *bytes.Buffer, faq []film.FAQ) {
	for _, f := range faq {
		b.WriteString("**Q: " + f.Question + "**\n")
		b.WriteString("A: " + f.Answer + "\n\n")
	}
}
