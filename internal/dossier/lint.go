package dossier

import (
	"fmt"
	"sort"
	"strings"

	"marquee/internal/film"
)

// LintFacts are the catalog's figures for the film, against which claims
// in the article are checked. Nil fields are unknown.
type LintFacts struct {
	BoxOffice *film.BoxOffice
	Rating    *film.Rating
}

// Finding is one thing an editor would flag. Line is 1-based, 0 for the
// article as a whole. Severity is "error" (contradicted by the catalog),
// "warning" (should be fixed) or "info" (worth a look).
type Finding struct {
	Line     int    `json:"line"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Excerpt  string `json:"excerpt,omitempty"`
}

// String formats the finding as "line: severity rule: message | excerpt",
// the form of the golden lint reports.
func (f Finding) String() string {
	s := fmt.Sprintf("%d: %s %s: %s", f.Line, f.Severity, f.Rule, f.Message)
	if f.Excerpt != "" {
		s += " | " + f.Excerpt
	}
	return s
}

// expectedSections are what a complete dossier covers; synopsis and plot
// stand in for each other.
var expectedSections = [][]film.SectionKind{
	{film.SectionIntroduction}, {film.SectionSynopsis, film.SectionPlot}, {film.SectionCharacters},
	{film.SectionReception}, {film.SectionConclusion},
}

// Lint reports, in line order, what an editor would flag in the article
// src parsed as d (Parse is called when d is nil): missing sections,
// quotations without speaker or source, peacock and weasel wording, and
// claims of success that facts contradict. file names the article in
// messages. Lint never modifies d.
func Lint(file string, src []byte, d *film.Dossier, facts *LintFacts) []Finding {
	if d == nil {
		var err error
		if d, err = Parse(file, src, nil); err != nil {
			line := 0
			if pe, ok := err.(*ParseError); ok {
				line = pe.Line
			}
			return []Finding{{Line: line, Rule: "parse", Severity: "error", Message: err.Error()}}
		}
	}
	if facts == nil {
		facts = &LintFacts{}
	}
	var out []Finding
	out = append(out, missingSections(d)...)
	out = append(out, quoteFindings(d)...)
	if s, err := read(file, src, 0); err == nil {
		out = append(out, wordFindings(s.lines, d, facts)...)
		if s.format == "html" {
			m := newSrcLines(string(src))
			for i := range out {
				phrase := ""
				if _, rest, ok := strings.Cut(out[i].Message, `"`); ok {
					phrase, _, _ = strings.Cut(rest, `"`)
				}
				if l := m.lineOf(out[i].Rule, out[i].Excerpt, phrase); l > 0 {
					out[i].Line = l
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

func missingSections(d *film.Dossier) []Finding {
	var out []Finding
	for _, alts := range expectedSections {
		found := false
		for _, k := range alts {
			found = found || d.Section(k) != nil
		}
		if !found {
			names := make([]string, len(alts))
			for i, k := range alts {
				names[i] = string(k)
			}
			out = append(out, Finding{Rule: "missing-section", Severity: "warning",
				Message: "no " + strings.Join(names, " or ") + " section"})
		}
	}
	return out
}

func quoteFindings(d *film.Dossier) []Finding {
	var out []Finding
	for _, q := range d.Quotes {
		ex := excerptOf(q.Text, 0, len(q.Text))
		if q.Speaker == "" {
			out = append(out, Finding{Line: q.Line, Rule: "quote-speaker", Severity: "warning",
				Message: "quotation with no speaker: say who said it", Excerpt: ex})
		}
		if q.Source == "" {
			out = append(out, Finding{Line: q.Line, Rule: "quote-source", Severity: "warning",
				Message: "quotation with no source: name the publication or interview", Excerpt: ex})
		}
	}
	return out
}

// excerptOf returns about 70 bytes of s around [i, j), on rune boundaries.
func excerptOf(s string, i, j int) string {
	from, to := max(0, i-30), min(len(s), j+30)
	for from > 0 && from < len(s) && s[from]&0xc0 == 0x80 {
		from--
	}
	for to < len(s) && s[to]&0xc0 == 0x80 {
		to++
	}
	ex := s[from:to]
	if from > 0 {
		ex = "…" + ex
	}
	if to < len(s) {
		ex += "…"
	}
	return ex
}
