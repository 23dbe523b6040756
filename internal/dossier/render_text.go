package dossier

import (
	"bytes"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// RenderText writes d as a plain-text article shaped like the reference:
// the title underlined with "=", each heading on its own line, sub-sections
// as "Label: text" paragraphs, the untitled introduction and conclusion as
// bare paragraphs, and the FAQ as numbered questions with "  • " answers.
// Parse(RenderText(d)) gives back d's sections, FAQ, cast, quotes and
// mentions when d came from Parse.
func RenderText(d *film.Dossier) []byte {
	var b bytes.Buffer
	if d.Title != "" {
		b.WriteString(d.Title + "\n" + strings.Repeat("=", max(3, len([]rune(d.Title)))) + "\n\n")
	}
	faqDone := false
	for i, s := range d.Sections {
		if s.Heading != "" {
			textHeading(&b, s, i == 0)
		}
		for _, bl := range s.Blocks {
			textBlock(&b, bl)
		}
		for _, sub := range s.Subsections {
			textSub(&b, sub)
		}
		if s.Kind == film.SectionFAQ && !faqDone {
			faqDone = true
			textFAQ(&b, d.FAQ)
		}
	}
	if !faqDone && len(d.FAQ) > 0 {
		textFAQ(&b, d.FAQ)
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// textHeading writes a bare heading line when Parse would read it back as
// the same heading of the same kind, and underlines it with "-" when not.
func textHeading(b *bytes.Buffer, s film.Section, first bool) {
	h := s.Heading
	text, _, ok := looksLikeHeading(h)
	k, _ := kindOf(h, first)
	_, _, numbered := cutNumbering(h)
	if ok && text == h && k == s.Kind && !numbered && !strings.HasSuffix(h, ":") {
		b.WriteString(h + "\n\n")
		return
	}
	b.WriteString(h + "\n" + strings.Repeat("-", max(3, len([]rune(h)))) + "\n\n")
}

// textSub writes "Label: text" when the sub-section opens with a paragraph
// and a bold label line otherwise.
func textSub(b *bytes.Buffer, sub film.Subsection) {
	blocks := sub.Blocks
	if len(blocks) > 0 && blocks[0].Kind == film.BlockParagraph {
		if l, _, ok := validLabel(sub.Label, "x"); ok && l == sub.Label && !strings.Contains(sub.Label, ": ") {
			b.WriteString(sub.Label + ": " + blocks[0].Text + "\n\n")
			blocks = blocks[1:]
		} else {
			b.WriteString("**" + sub.Label + "**\n\n")
		}
	} else {
		b.WriteString("**" + sub.Label + "**\n\n")
	}
	for _, bl := range blocks {
		textBlock(b, bl)
	}
}

func textBlock(b *bytes.Buffer, bl film.Block) {
	switch bl.Kind {
	case film.BlockList:
		for i, it := range bl.Items {
			if bl.Ordered {
				b.WriteString(strconv.Itoa(i+1) + ". ")
			} else {
				b.WriteString("- ")
			}
			b.WriteString(it + "\n")
		}
	case film.BlockTable:
		if len(bl.Header) > 0 {
			b.WriteString(tableRow(bl.Header))
			b.WriteString(strings.Repeat("|---", len(bl.Header)) + "|\n")
		}
		for _, r := range bl.Rows {
			b.WriteString(tableRow(r))
		}
	default:
		b.WriteString(bl.Text + "\n")
	}
	b.WriteString("\n")
}

func tableRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |\n"
}

// textFAQ writes numbered questions with bulleted answers; a question
// without a question mark is written "Q: …" so it still reads as one.
func textFAQ(b *bytes.Buffer, faq []film.FAQ) {
	for i, f := range faq {
		if endsQuestion(f.Question) {
			b.WriteString(strconv.Itoa(i+1) + ". " + f.Question + "\n\n")
		} else {
			b.WriteString("Q: " + f.Question + "\n\n")
		}
		for j, p := range strings.Split(f.Answer, "\n\n") {
			if p == "" {
				continue
			}
			if j == 0 {
				b.WriteString("  • ")
			}
			b.WriteString(p + "\n\n")
		}
	}
}
