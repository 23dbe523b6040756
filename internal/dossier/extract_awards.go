package dossier

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"marquee/internal/film"
)

// ArticleAwards turns the awards an article states (its award_won and
// award_nominated facts) into awards of the film filmSlug, with the
// article as their source ("article:<film>", the base name of the
// article's file as SourceRef). An award needs its ceremony: the one the award's own name
// says ("Academy Award for Best Picture"), else the ceremony or festival
// the same sentence names ("at the 85th Academy Awards"). When the
// article names none, nothing is guessed: the award is returned in
// skipped. The ceremony's year is the one year the sentence gives, or 0.
func ArticleAwards(d *film.Dossier, filmSlug string) (awards []film.Award, skipped []string) {
	seen := map[string]bool{}
	for _, f := range d.Facts {
		outcome := film.OutcomeWon
		switch f.Kind {
		case film.FactAwardWon:
		case film.FactAwardNominated:
			outcome = film.OutcomeNominated
		default:
			continue
		}
		ceremony, category := ceremonyOf(f.Value, f.Context)
		if ceremony == "" {
			skipped = append(skipped, f.Value)
			continue
		}
		a := film.Award{Ceremony: ceremony, Year: yearIn(f.Context), Category: category, Outcome: outcome,
			FilmSlug: filmSlug, Source: "article:" + filmSlug, SourceRef: filepath.Base(d.Source)}
		key := a.Ceremony + "\x00" + strconv.Itoa(a.Year) + "\x00" + a.Category
		if seen[key] {
			continue
		}
		seen[key] = true
		awards = append(awards, a)
	}
	return awards, skipped
}

// awardBodies are awards whose name carries the ceremony: "Academy Award
// for Best Picture" is the Academy Awards' Best Picture.
var awardBodies = []struct{ prefix, ceremony string }{
	{"Academy Award for ", "Academy Awards"}, {"Oscar for ", "Academy Awards"},
	{"BAFTA Award for ", "British Academy Film Awards"}, {"BAFTA for ", "British Academy Film Awards"},
	{"Golden Globe Award for ", "Golden Globe Awards"}, {"Golden Globe for ", "Golden Globe Awards"},
	{"César Award for ", "César Awards"}, {"Goya Award for ", "Goya Awards"},
}

// ceremonyOf returns the ceremony and category of an award the article
// names as value in the sentence context.
func ceremonyOf(value, context string) (ceremony, category string) {
	for _, b := range awardBodies {
		if c, ok := strings.CutPrefix(value, b.prefix); ok && c != "" {
			return b.ceremony, c
		}
	}
	rest := context
	if i := strings.Index(context, value); i >= 0 {
		rest = context[i+len(value):]
	}
	// The ceremony named after the award ("Best Sound Editing at the 85th
	// Academy Awards") before one named anywhere in the sentence.
	for _, s := range []string{rest, context} {
		if c := ceremonyIn(s); c != "" {
			return c, value
		}
	}
	return "", value
}

// ceremonyIn finds the first "… Awards", "… Film Festival" or
// "… Festival" name in s: the capitalised words before it, without an
// ordinal or a year ("the 85th Academy Awards" is the Academy Awards).
func ceremonyIn(s string) string {
	best, at := "", len(s)
	for _, end := range []string{"Awards", "Festival"} {
		for off := 0; off < len(s); {
			i := strings.Index(s[off:], end)
			if i < 0 {
				break
			}
			p := off + i
			off = p + len(end)
			if p >= at {
				break
			}
			ws := strings.Fields(s[:p])
			k := len(ws)
			for k > 0 {
				w := ws[k-1]
				r, _ := utf8.DecodeRuneInString(w)
				if !(r >= 'A' && r <= 'Z') || strings.ContainsAny(w, ",.;:()") || w == "The" || w == "At" {
					break
				}
				k--
			}
			if k < len(ws) {
				best, at = strings.Join(ws[k:], " ")+" "+end, p
			}
			break
		}
	}
	return best
}

// yearIn returns the one year (1890–2099) s gives, or 0 when it gives
// none or several.
func yearIn(s string) int {
	year := 0
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ",.;:()'’")
		if len(w) != 4 || !isDigits(w) {
			continue
		}
		n, _ := strconv.Atoi(w)
		if n < 1890 || n > 2099 {
			continue
		}
		if year != 0 && year != n {
			return 0
		}
		year = n
	}
	return year
}

// awardHeading says what the items under a heading are: "won" under
// "Wins" or "Awards won", "nominated" under "Nominations", "awards"
// under "Awards", "Accolades" or "Honours", where an item's outcome is
// not said; "" under any other heading.
func awardHeading(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	switch {
	case h == "":
		return ""
	case strings.HasPrefix(h, "nominat"):
		return "nominated"
	case h == "wins" || h == "won" || h == "awards won" || h == "winner" || h == "winners":
		return "won"
	case strings.Contains(h, "award") || strings.Contains(h, "accolade") || strings.Contains(h, "honours") ||
		strings.Contains(h, "honors") || strings.Contains(h, "prizes"):
		return "awards"
	}
	return ""
}

// awardListFacts reads the items of lists under "Wins" and "Nominations"
// headings as the awards the film won or was nominated for: "Academy
// Award for Best Actress (Audrey Hepburn)" is an award won by the film's
// Audrey Hepburn. Items that name no award are passed over.
func awardListFacts(label string, b film.Block) []film.ArticleFact {
	kind := ""
	switch awardHeading(label) {
	case "won":
		kind = film.FactAwardWon
	case "nominated":
		kind = film.FactAwardNominated
	default:
		return nil
	}
	var out []film.ArticleFact
	for _, it := range b.Items {
		name := strings.TrimSpace(it)
		if k := strings.Index(name, " ("); k > 0 {
			name = name[:k]
		}
		if k := strings.Index(name, " — "); k > 0 {
			name = name[:k]
		}
		name = strings.TrimRight(name, "*, ")
		// "Academy Award for Best Costume Design, Black-and-White": the
		// award's name, without what qualifies it.
		if n := awardName(name); n != "" && strings.HasPrefix(name, n) {
			out = append(out, film.ArticleFact{Kind: kind, Value: n, Line: b.Line, Context: excerpt(it, 240)})
		}
	}
	return out
}
