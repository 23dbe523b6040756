package dossier

import (
	"fmt"
	"strings"

	"marquee/internal/film"
)

// wordFindings checks each line of text (noise lines skipped) for words
// to watch and contradicted claims.
func wordFindings(lines []string, d *film.Dossier, facts *LintFacts) []Finding {
	var out []Finding
	sec := -1 // the section holding line i+1; lines only move forward
	for i, l := range lines {
		for sec+1 < len(d.Sections) && d.Sections[sec+1].Line <= i+1 {
			sec++
		}
		t := strings.TrimSpace(l)
		if t == "" || noiseReason(t) != "" {
			continue
		}
		lower := asciiLower(l)
		// A quotation is the speaker's wording, and a sub-section label
		// ("Financial Success or Failure:") is a topic, not a claim.
		spans := quoteSpans(l)
		if label, _, ok := labelOf(t); ok {
			at := strings.Index(l, label)
			lower = strings.Repeat(" ", at+len(label)) + lower[at+len(label):]
		}
		where := ""
		if sec >= 0 {
			where = " in " + sectionHeading(d.Sections[sec])
		}
		for _, m := range matches(lower, spans, peacockTerms) {
			out = append(out, Finding{Line: i + 1, Rule: "peacock", Severity: "warning",
				Message: fmt.Sprintf("%q%s praises without showing; describe what the film does or cite who says so", l[m.start:m.end], where),
				Excerpt: excerptOf(l, m.start, m.end)})
		}
		if !cited(l, spans) {
			for _, m := range matches(lower, spans, acclaimTerms) {
				out = append(out, Finding{Line: i + 1, Rule: "peacock", Severity: "warning",
					Message: fmt.Sprintf("%q%s without a cited critic or publication", l[m.start:m.end], where),
					Excerpt: excerptOf(l, m.start, m.end)})
			}
		}
		for _, m := range matches(lower, spans, weaselPhrases) {
			out = append(out, Finding{Line: i + 1, Rule: "weasel", Severity: "warning",
				Message: fmt.Sprintf("%q%s: who, exactly? name them or cut it", l[m.start:m.end], where),
				Excerpt: excerptOf(l, m.start, m.end)})
		}
		out = append(out, claimFindings(i+1, l, lower, spans, where, facts)...)
	}
	return out
}

// claimFindings checks claims of box-office success and critical acclaim
// against the catalog's figures, or flags them as unchecked.
func claimFindings(line int, l, lower string, spans []span, where string, facts *LintFacts) []Finding {
	var out []Finding
	for _, m := range matches(lower, spans, successClaims) {
		if negated(lower, m.start) {
			continue
		}
		f := Finding{Line: line, Rule: "box-office-claim", Excerpt: excerptOf(l, m.start, m.end)}
		switch bo := facts.BoxOffice; {
		case bo == nil || bo.Total() == 0:
			f.Severity, f.Message = "info", fmt.Sprintf("%q%s: no box-office figures to check it against", l[m.start:m.end], where)
		case bo.Budget > 0 && bo.Total() < bo.Budget || bo.Total() < 1_000_000:
			f.Severity, f.Message = "error", fmt.Sprintf("%q%s, but the film grossed %s%s", l[m.start:m.end], where,
				money(bo.Total()), budgetNote(bo.Budget))
		default:
			continue
		}
		out = append(out, f)
	}
	if r := facts.Rating; r != nil && r.Votes > 0 && r.Average < 6 {
		for _, m := range matches(lower, spans, acclaimClaims) {
			out = append(out, Finding{Line: line, Rule: "acclaim-claim", Severity: "error",
				Message: fmt.Sprintf("%q%s, but the catalog rating is %.1f/10 from %d votes", l[m.start:m.end], where, r.Average, r.Votes),
				Excerpt: excerptOf(l, m.start, m.end)})
		}
	}
	return out
}

func budgetNote(budget int64) string {
	if budget <= 0 {
		return ""
	}
	return " on a budget of " + money(budget)
}

// money writes whole dollars as "$1.2 million" or "$950,000".
func money(n int64) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("$%.1f million", float64(n)/1e6)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return "$" + s
}

// negated reports a "not"/"never"/"no" shortly before i.
func negated(lower string, i int) bool {
	before := lower[max(0, i-30):i]
	return strings.Contains(before, "not ") || strings.Contains(before, "never ") || strings.Contains(before, "no ")
}

// cited reports whether the line names a publication or quotes someone.
func cited(l string, spans []span) bool {
	for _, sp := range spans {
		if _, title := titleSpan(l[sp.start:sp.end]); !title {
			return true
		}
	}
	ws := tokenize(l, nil)
	found := false
	capRuns(l, ws, func(a, b int) {
		for k := a; k < b && !found; k++ {
			for e := min(b, k+5); e > k; e-- {
				if publications[joinWords(ws, k, e)] {
					found = true
					break
				}
			}
		}
	})
	return found
}

// matches finds whole-word occurrences of terms in lower, outside spans.
func matches(lower string, spans []span, terms []string) []span {
	var out []span
	for _, t := range terms {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], t)
			if i < 0 {
				break
			}
			i += from
			end := i + len(t)
			from = end
			if i > 0 && isWordStart(lower[i-1:]) && lower[i-1] < 0x80 || end < len(lower) && lower[end] < 0x80 && asciiWord[lower[end]] {
				continue
			}
			if !inSpans(spans, i) {
				out = append(out, span{i, end})
			}
		}
	}
	return outermost(out)
}

// outermost drops matches inside longer ones: "it is widely believed"
// is one weasel, not two.
func outermost(ms []span) []span {
	out := ms[:0]
	for i, m := range ms {
		inside := false
		for j, o := range ms {
			inside = inside || j != i && o.start <= m.start && m.end <= o.end && (o.end-o.start > m.end-m.start || j < i)
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// asciiLower lower-cases ASCII letters only, so byte offsets into the
// result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
