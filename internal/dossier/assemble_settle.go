package dossier

import (
	"strings"

	"marquee/internal/film"
)

// dropEmptySections takes out headings with nothing under them: a Cast
// heading whose list a converter lost, the trailing "X at Internet
// Archive" lines of an external-links list. They are reported as noise,
// never shown as sections.
//
// An empty heading of no known kind inside the article ("A REVIEW OF …"
// between the title and the first section) stays: it may be a subtitle
// the article's own layout gives weight to.
func dropEmptySections(d *film.Dossier) {
	empty := func(s film.Section) bool {
		return s.Kind != film.SectionFAQ && s.Heading != "" && strings.TrimSpace(s.Text) == "" &&
			len(s.Blocks) == 0 && len(s.Subsections) == 0
	}
	trailing := len(d.Sections)
	for trailing > 0 && empty(d.Sections[trailing-1]) {
		trailing--
	}
	out := d.Sections[:0]
	for i, s := range d.Sections {
		if empty(s) && (i >= trailing || knownHeading(s.Heading)) {
			d.Noise = append(d.Noise, film.Noise{Line: s.Line, Text: s.Heading, Reason: "heading with no text under it"})
			continue
		}
		out = append(out, s)
	}
	d.Sections = out
}

// withoutAggregators drops the sentences that report review aggregators
// ("an average rating of 9.20/10", "81 out of 100 based on 23 critics"):
// an article that quotes the critics' scores grades nothing itself.
func withoutAggregators(text string) string {
	if !strings.Contains(text, "Rotten Tomatoes") && !strings.Contains(text, "Metacritic") && !strings.Contains(text, "average rating") {
		return text
	}
	var b strings.Builder
	for _, s := range sentences(text) {
		if strings.Contains(s, "Rotten Tomatoes") || strings.Contains(s, "Metacritic") || strings.Contains(s, "average rating") ||
			strings.Contains(s, "approval rating") {
			continue
		}
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return b.String()
}
