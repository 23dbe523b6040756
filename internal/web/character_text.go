package web

import (
	"strings"

	"marquee/internal/film"
)

// characterText gathers what a dossier says about a character, in the
// article's order: list entries that begin with their name (a "who's who"),
// any sub-section named after them (a character analysis), and the
// characters section's paragraphs that mention them.
func characterText(d *film.Dossier, name string) []string {
	if d == nil {
		return nil
	}
	names := characterNames(name)
	mentions := func(s string) bool {
		for _, n := range names {
			if indexWord(s, n) >= 0 {
				return true
			}
		}
		return false
	}
	begins := func(s string) bool {
		s = strings.TrimLeft(s, "*_ ")
		for _, n := range names {
			if strings.HasPrefix(s, n) && indexWord(s, n) == 0 {
				return true
			}
		}
		return false
	}
	var out []string
	take := func(bs []film.Block, text string, all bool, inCharacters bool) {
		for _, b := range blocksOf(bs, text) {
			for _, t := range blockTexts(b) {
				switch {
				case all, b.Kind == film.BlockList && begins(t), inCharacters && mentions(t):
					out = append(out, t)
				}
			}
		}
	}
	for _, sec := range d.Sections {
		chars := sec.Kind == film.SectionCharacters
		text := sec.Text
		if len(sec.Subsections) > 0 {
			text = "" // the section's text then spans its sub-sections, taken below
		}
		take(sec.Blocks, text, false, chars)
		for _, sub := range sec.Subsections {
			take(sub.Blocks, sub.Text, mentions(sub.Label), chars)
		}
	}
	return out
}

// characterNames are the names a dossier may call a character by: the
// full name and, for "Mikey Saber", a first name of four letters or more.
func characterNames(name string) []string {
	out := []string{name}
	if f := strings.Fields(name); len(f) > 1 && len(f[0]) >= 4 {
		out = append(out, f[0])
	}
	return out
}

func blocksOf(bs []film.Block, text string) []film.Block {
	if len(bs) > 0 {
		return bs
	}
	return paragraphs(text)
}

// blockTexts are a block's paragraphs: its text, or each list item, or
// each table row joined.
func blockTexts(b film.Block) []string {
	switch b.Kind {
	case film.BlockList:
		return b.Items
	case film.BlockTable:
		var out []string
		for _, r := range b.Rows {
			out = append(out, strings.Join(r, " — "))
		}
		return out
	}
	return []string{b.Text}
}
