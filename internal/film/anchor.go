package film

import "strings"

// PageAnchors are the fragment ids a film page uses for its own blocks.
// A dossier section never takes one of them, so a link to
// /films/{slug}#cast always means the cast, whatever the dossier says.
var PageAnchors = []string{
	"top", "main", "q", "q-suggest", "facts", "facts-h", "toc-h", "cast", "dossier",
	"box-office", "advisory", "ratings", "related", "mentioned", "faq", "article-facts",
}

// SectionAnchors is the one anchor scheme for dossier sections, used by the
// film page, search results and the API: anchors[i] is the fragment id of
// sections[i]. A section's id is the slug of its heading (else of its kind),
// at most 48 bytes; the first FAQ section is "faq"; a repeated id gets "-2",
// "-3", … ; ids in PageAnchors are never used for a section. The ids depend
// only on the sections' kinds and headings, in order, so whoever holds the
// section list (the page) or its projection (search's dossier_sections
// rows) computes the same ids.
//
// taken, when not nil, receives every id handed out plus PageAnchors, so
// the caller can give subsections ids that collide with nothing.
func SectionAnchors(sections []Section, taken map[string]bool) []string {
	if taken == nil {
		taken = map[string]bool{}
	}
	for _, id := range PageAnchors {
		taken[id] = true
	}
	faq := false
	out := make([]string, len(sections))
	for i, s := range sections {
		if s.Kind == SectionFAQ && !faq {
			faq = true
			out[i] = "faq"
			continue
		}
		out[i] = UniqueAnchor(taken, AnchorOf(s.Heading, string(s.Kind)))
	}
	return out
}

// AnchorOf is the slug of s (at most 48 bytes), or alt when s has none.
func AnchorOf(s, alt string) string {
	if v := Slugify(s); v != "" {
		if len(v) > 48 {
			v = strings.TrimRight(v[:48], "-")
		}
		return v
	}
	return alt
}

// UniqueAnchor returns base, or base-2, base-3, … , the first not in
// taken, and marks it taken.
func UniqueAnchor(taken map[string]bool, base string) string {
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + itoaSmall(n)
	}
	taken[id] = true
	return id
}

// CharacterAnchor is the fragment id of a character's row in a film's cast.
func CharacterAnchor(characterSlug string) string { return "character-" + characterSlug }

func itoaSmall(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
