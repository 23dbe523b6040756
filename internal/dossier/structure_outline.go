package dossier

import (
	"strings"

	"marquee/internal/film"
)

// role is what a heading block does in the article.
type role uint8

const (
	roleSection role = iota
	roleSub
	roleTitle
)

// outline decides, for every heading block, whether it is the article
// title, a section heading or a sub-heading.
func outline(blocks []block) []role {
	roles := make([]role, len(blocks))
	first := -1
	level1, secLevel, styles := 0, 7, map[hstyle]int{}
	for i, b := range blocks {
		if b.kind != bHeading {
			continue
		}
		if first < 0 {
			first = i
		}
		if b.level == 1 {
			level1++
		}
		if b.level > 0 && !b.bold && i != first {
			secLevel = min(secLevel, b.level)
		}
		if b.hknown && b.level == 0 && !b.bold {
			styles[b.style&(styleCaps|styleNumbered|styleColon)]++
		}
	}
	mainStyle, best := hstyle(0), 0
	for st, n := range styles {
		if n > best || n == best && st < mainStyle {
			mainStyle, best = st, n
		}
	}
	narrowSubs := gapLevels(blocks)
	sections := 0
	for i, b := range blocks {
		if b.kind != bHeading {
			continue
		}
		roles[i] = headingRole(b, i == first && isTitle(b, level1, i == 0), secLevel, mainStyle, sections > 0)
		if narrowSubs && roles[i] == roleSection && sections > 0 && b.level == 0 && !b.bold && b.gap == 1 {
			// Two blank lines above a section, one above a sub-heading:
			// the only mark of levels a plain dump keeps.
			roles[i] = roleSub
		}
		if roles[i] == roleSection {
			sections++
		}
	}
	if sections == 0 {
		boldSections(blocks, roles)
	}
	return roles
}

// gapLevels reports an article whose plain headings carry their level in
// the blank lines above them, as text dumps of wiki pages do: some
// headings have two or more blank lines above, at least as many as the
// headings with one, and fewer paragraphs than those headings have more
// than one (a line of debris the read stage blanked makes one).
func gapLevels(blocks []block) bool {
	wide, narrow, wideText := 0, 0, 0
	for _, b := range blocks {
		switch {
		case b.kind != bHeading:
			if b.gap > 1 {
				wideText++
			}
		case b.level > 0 || b.bold:
			return false
		case b.gap > 1:
			wide++
		case b.gap == 1:
			narrow++
		}
	}
	return wide >= 2 && narrow > 0 && wide >= narrow && wideText < wide
}

// boldSections decides the roles of bold-line headings in an article
// whose only headings are bold lines. Known section names are sections.
// An unknown one is a sub-heading when it follows its parent heading
// directly or follows another sub-heading, and a section — "**Style and
// Tone**" between "**Synopsis**" and "**Critical Reception**" — when it
// follows a section's text.
func boldSections(blocks []block, roles []role) {
	prev, prevSub := -1, false
	for i, b := range blocks {
		if b.kind != bHeading || !b.bold || roles[i] == roleTitle {
			continue
		}
		switch {
		case b.hknown:
			roles[i] = roleSection
		case prev < 0 || prevSub || prev == i-1:
			roles[i] = roleSub
		default:
			roles[i] = roleSection
		}
		prev, prevSub = i, roles[i] == roleSub
	}
}

func headingRole(b block, title bool, secLevel int, mainStyle hstyle, inSection bool) role {
	known := b.hknown
	switch {
	case title:
		return roleTitle
	case b.bold, b.style&styleSubNum != 0:
		return roleSub
	case b.level > 0:
		if b.level > secLevel {
			return roleSub
		}
		return roleSection
	case !known && inSection && b.style&(styleCaps|styleNumbered|styleColon) != mainStyle:
		return roleSub
	}
	return roleSection
}

// isTitle: a level-1 heading that is the only one, or a first plain line
// naming no known section and carrying a year, "Red Rocket (2021)".
func isTitle(b block, level1 int, atTop bool) bool {
	if !atTop {
		return false
	}
	_, year := titleYear(b.text)
	if b.level == 1 {
		return level1 == 1 || year > 0
	}
	return b.level == 0 && !b.bold && (year > 0 || b.top)
}

// toBlock converts a scanned block into its plain-text domain form.
func toBlock(b block) film.Block {
	switch b.kind {
	case bList:
		items := make([]string, len(b.items))
		for i, it := range b.items {
			items[i] = plainInline(it)
		}
		return film.Block{Kind: film.BlockList, Items: items, Ordered: b.ordered, Line: b.line}
	case bTable:
		return film.Block{Kind: film.BlockTable, Header: plainCells(b.header), Rows: plainRows(b.rows), Line: b.line}
	}
	return film.Block{Kind: film.BlockParagraph, Text: plainInline(b.text), Line: b.line}
}

func plainCells(cells []string) []string {
	if cells == nil {
		return nil
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = plainInline(c)
	}
	return out
}

func plainRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = plainCells(r)
	}
	return out
}

func blocksText(bs []film.Block) string {
	if len(bs) == 1 && bs[0].Kind == film.BlockParagraph {
		return bs[0].Text
	}
	var b strings.Builder
	n := 0 // one allocation for a section of paragraphs, not one per doubling
	for _, x := range bs {
		n += len(x.Text) + 2
		for _, it := range x.Items {
			n += len(it) + 1
		}
	}
	b.Grow(n)
	for i, x := range bs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(x.PlainText())
	}
	return b.String()
}
