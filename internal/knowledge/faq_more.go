package knowledge

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"marquee/internal/film"
)

// maxOthers bounds the director's other films named in the comparison.
const maxOthers = 3

func compare(f *Facts) (film.Answer, bool) {
	if len(f.Directors) == 0 || len(f.Others) == 0 {
		return film.Answer{}, false
	}
	others := append([]OtherFilm(nil), f.Others...)
	sort.SliceStable(others, func(i, j int) bool {
		si := len(others[i].SharedThemes)*2 + len(others[i].SharedCast)
		sj := len(others[j].SharedThemes)*2 + len(others[j].SharedCast)
		if si != sj {
			return si > sj
		}
		return others[i].Votes > others[j].Votes
	})
	dir := f.Directors[0].PersonName
	a := film.Answer{Question: fmt.Sprintf("How does %s compare with %s's other films?", f.title(), dir),
		Sources: []film.Source{f.Catalog}}
	a.Links = append(a.Links, personLink(f.Directors[0]))
	var parts []string
	for i, o := range others {
		if i == maxOthers {
			break
		}
		name := o.Title
		if o.Year != 0 {
			name += " (" + strconv.Itoa(o.Year) + ")"
		}
		a.Links = append(a.Links, film.Source{Label: name, URL: "/films/" + o.Slug})
		var with []string
		if len(o.SharedThemes) > 0 {
			with = append(with, plural(len(o.SharedThemes), "the theme ", "the themes ")+andList(o.SharedThemes))
		}
		if len(o.SharedCast) > 0 {
			with = append(with, andList(o.SharedCast)+" in the cast")
		}
		p := name
		if len(with) > 0 {
			p += " shares " + andList(with)
		} else {
			p += " shares no theme or cast with it"
		}
		if o.Votes > 0 && f.Film.Rating.Votes > 0 {
			p += fmt.Sprintf("; it is rated %.1f against %.1f", o.Rating, f.Film.Rating.Average)
		}
		if o.Gross > 0 && f.BoxOffice != nil && f.BoxOffice.Total() > 0 {
			cur := f.BoxOffice.Currency
			p += fmt.Sprintf(" and grossed %s against %s", Money(o.Gross, cur), Money(f.BoxOffice.Total(), cur))
		}
		parts = append(parts, p)
	}
	a.Answer = fmt.Sprintf("The catalog holds %d other %s by %s. %s.", len(f.Others), plural(len(f.Others), "film", "films"), dir, strings.Join(parts, ". "))
	return a, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// boxOffice reports budget against gross, every source's figure shown
// when sources disagree rather than one chosen silently.
func boxOffice(f *Facts) (film.Answer, bool) {
	type figure struct {
		amount int64
		cur    string
		src    film.Source
	}
	var budgets, grosses []figure
	if b := f.BoxOffice; b != nil {
		if b.Budget > 0 {
			budgets = append(budgets, figure{b.Budget, b.Currency, f.BoxOfficeSource})
		}
		if t := b.Total(); t > 0 {
			grosses = append(grosses, figure{t, b.Currency, f.BoxOfficeSource})
		}
	}
	for _, c := range f.Claims {
		n, err := strconv.ParseInt(strings.TrimSpace(c.Value), 10, 64)
		if err != nil || n <= 0 {
			continue
		}
		switch c.Field {
		case "budget":
			budgets = append(budgets, figure{n, "", c.From})
		case "gross_worldwide":
			grosses = append(grosses, figure{n, "", c.From})
		}
	}
	if len(budgets) == 0 && len(grosses) == 0 {
		return film.Answer{}, false
	}
	a := film.Answer{Question: fmt.Sprintf("How did %s do at the box office against its budget?", f.title())}
	say := func(what string, fs []figure) string {
		distinct := map[int64]bool{}
		var parts []string
		for _, x := range fs {
			distinct[x.amount] = true
			parts = append(parts, Money(x.amount, x.cur)+" according to "+x.src.Label)
			a.Sources = append(a.Sources, x.src)
		}
		if len(distinct) == 1 {
			return fmt.Sprintf("its %s was %s", what, Money(fs[0].amount, fs[0].cur))
		}
		return fmt.Sprintf("sources disagree on its %s: %s", what, andList(parts))
	}
	var parts []string
	if len(budgets) > 0 {
		parts = append(parts, say("budget", budgets))
	}
	if len(grosses) > 0 {
		parts = append(parts, say("worldwide gross", grosses))
	}
	a.Answer = strings.ToUpper(parts[0][:1]) + parts[0][1:]
	if len(parts) > 1 {
		a.Answer += "; " + parts[1]
	}
	if len(budgets) == 1 && len(grosses) == 1 && budgets[0].amount > 0 {
		a.Answer += fmt.Sprintf(" — %.1f times its budget", float64(grosses[0].amount)/float64(budgets[0].amount))
	}
	a.Answer += "."
	a.Sources = dedupeSources(a.Sources)
	return a, true
}

func honours(f *Facts) (film.Answer, bool) {
	if len(f.Awards) == 0 && len(f.Festivals) == 0 {
		return film.Answer{}, false
	}
	a := film.Answer{Question: fmt.Sprintf("What awards and festivals has %s been part of?", f.title())}
	var parts []string
	for _, w := range f.Awards {
		verb := "was nominated for"
		if w.Won() {
			verb = "won"
		}
		who := ""
		if w.PersonName != "" {
			who = w.PersonName + " "
		}
		part := fmt.Sprintf("%s%s %s at the %s", who, verb, w.Category, edition(w.Ceremony, w.Year))
		a.Sources = append(a.Sources, AwardSource(w))
		for _, c := range f.Claims {
			if c.Field == film.AwardClaimField(w) && c.Value != string(w.Outcome) {
				part += fmt.Sprintf(" (so says %s; %s says %s)", AwardSource(w).Label, c.From.Label, c.Value)
				a.Sources = append(a.Sources, c.From)
			}
		}
		parts = append(parts, part)
	}
	for _, fe := range f.Festivals {
		p := "it screened at the " + edition(fe.Name, fe.Year)
		if fe.Section != "" {
			p += " (" + fe.Section + ")"
		}
		if fe.Award != "" {
			if fe.Won {
				p += ", winning the " + fe.Award
			} else {
				p += ", in the running for the " + fe.Award
			}
		}
		parts = append(parts, p)
		a.Sources = append(a.Sources, f.Catalog)
	}
	a.Answer = strings.ToUpper(parts[0][:1]) + parts[0][1:]
	if len(parts) > 1 {
		a.Answer += "; " + strings.Join(parts[1:], "; ")
	}
	a.Answer += "."
	a.Sources = dedupeSources(a.Sources)
	return a, true
}

func edition(name string, year int) string {
	if year == 0 {
		return name
	}
	return name + " " + strconv.Itoa(year)
}

// AwardSource names where an award's record came from.
func AwardSource(w film.Award) film.Source {
	switch {
	case w.Source == string(film.SourceEditor):
		return film.Source{Kind: film.SourceEditor, Label: "an editor"}
	case strings.HasPrefix(w.Source, "article:"):
		slug := strings.TrimPrefix(w.Source, "article:")
		return film.Source{Kind: film.SourceArticle, Label: "the dossier", URL: "/films/" + slug + "#dossier"}
	}
	// "the demo catalog awards import": no parentheses, since pages put
	// the source itself in parentheses.
	label := "the awards import"
	if w.SourceRef != "" {
		label = "the " + w.SourceRef + " awards import"
	}
	return film.Source{Kind: film.SourceImport, Label: label}
}

func readMore(f *Facts) (film.Answer, bool) {
	if len(f.Sections) == 0 {
		return film.Answer{}, false
	}
	var labels []string
	for _, s := range f.Sections {
		labels = append(labels, s.Label)
	}
	return film.Answer{Question: fmt.Sprintf("Where can I read more about %s?", f.title()),
		Answer:  fmt.Sprintf("Its dossier covers %s.", andList(labels)),
		Sources: []film.Source{{Kind: film.SourceArticle, Label: "the dossier", URL: f.Sections[0].URL}},
		Links:   f.Sections}, true
}

func dedupeSources(ss []film.Source) []film.Source {
	seen := map[film.Source]bool{}
	var out []film.Source
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Money formats an amount for prose: "$6 million", "€430,000", "$1.2 billion".
func Money(n int64, currency string) string {
	sym := currency + " "
	switch strings.ToUpper(currency) {
	case "", "USD":
		sym = "$"
	case "EUR":
		sym = "€"
	case "GBP":
		sym = "£"
	}
	switch {
	case n >= 1e9:
		return sym + trimZero(float64(n)/1e9) + " billion"
	case n >= 1e6:
		return sym + trimZero(float64(n)/1e6) + " million"
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sym + s
}

func trimZero(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(x, 'f', 1, 64), "0"), ".")
}
