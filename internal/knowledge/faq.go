package knowledge

import (
	"fmt"
	"strings"

	"marquee/internal/film"
)

// Facts is everything the generated questions about one film may draw on,
// each with its source. The store assembles it; nothing here reads a
// database.
type Facts struct {
	Film    *film.Film
	Catalog film.Source // where the catalog facts (certification, runtime, credits, setting) came from

	Directors []film.Credit
	Writers   []film.Credit
	Cast      []film.Credit // in billing order

	Advisories        []film.Advisory // the catalog's or an editor's, with Source set
	ArticleAdvisories []film.Advisory // read from the dossier's controversies section
	Controversies     *film.Source    // that section, when it exists

	BoxOffice       *film.BoxOffice
	BoxOfficeSource film.Source
	Claims          []SourcedClaim // other sources' figures (budgets, grosses) for the same film
	Festivals       []film.Festival
	Awards          []film.Award

	Themes []film.ThemeStrength
	// Others are the director's other films, for the comparison.
	Others []OtherFilm
	// Sections are the dossier's sections, for "where to read more".
	Sections []film.Source
}

// SourcedClaim is a claim with the source a reader can follow.
type SourcedClaim struct {
	film.Claim
	From film.Source
}

// OtherFilm is another film by the same director, with what it shares.
type OtherFilm struct {
	Slug, Title  string
	Year         int
	Rating       float64
	Votes        int64
	Gross        int64
	SharedThemes []string
	SharedCast   []string
}

// FilmFAQ answers the questions the facts support, in a fixed order; a
// question whose facts are missing is left out, so a film with no facts
// gets no questions.
func FilmFAQ(f *Facts) []film.Answer {
	if f == nil || f.Film == nil {
		return nil
	}
	var out []film.Answer
	for _, q := range []func(*Facts) (film.Answer, bool){
		suitable, runtimeQ, setting, whoPlays, whoMade, compare, boxOffice, honours, readMore,
	} {
		if a, ok := q(f); ok {
			a.Generated = true
			out = append(out, a)
		}
	}
	return out
}

func (f *Facts) title() string { return f.Film.Title }

func (f *Facts) page(anchor string) string {
	return "/films/" + f.Film.Slug + "#" + anchor
}

func suitable(f *Facts) (film.Answer, bool) {
	cert := f.Film.Certification
	aud := CertificationAudience(cert)
	top := 0
	var graded []string
	for _, a := range f.Advisories {
		if a.Severity.Rank() > 0 {
			graded = append(graded, string(a.Severity)+" "+strings.ToLower(a.Category.Label()))
		}
		top = max(top, a.Severity.Rank())
	}
	var mentioned []string
	for _, a := range f.ArticleAdvisories {
		mentioned = append(mentioned, a.Note)
		top = max(top, a.Severity.Rank())
	}
	if aud == AudienceUnknown && len(f.Advisories) == 0 && len(mentioned) == 0 {
		return film.Answer{}, false
	}
	switch {
	case top >= 2:
		aud = AudienceNotAll
	case top == 1 && aud != AudienceNotAll:
		aud = AudienceGuided
	case aud == AudienceUnknown && len(f.Advisories) > 0:
		aud = AudienceAll
	}
	a := film.Answer{Question: fmt.Sprintf("Is %s suitable for all audiences?", f.title())}
	var because []string
	if cert != "" {
		because = append(because, "its "+cert+" certification")
		a.Sources = append(a.Sources, f.Catalog)
	}
	if len(graded) > 0 {
		because = append(because, "its content advisory ("+andList(graded)+")")
		a.Sources = append(a.Sources, advisorySource(f))
	}
	if len(mentioned) > 0 && f.Controversies != nil {
		because = append(because, "the "+andList(dedupe(mentioned))+" its dossier discusses")
		a.Sources = append(a.Sources, *f.Controversies)
	}
	switch aud {
	case AudienceNotAll:
		a.Answer = fmt.Sprintf("No. %s is not suitable for all audiences, because of %s.", f.title(), andList(because))
	case AudienceGuided:
		a.Answer = fmt.Sprintf("With guidance. %s may not suit young children, because of %s.", f.title(), andList(because))
	default:
		a.Answer = fmt.Sprintf("Yes. %s is suitable for all audiences, going by %s.", f.title(), andList(because))
	}
	return a, true
}

func advisorySource(f *Facts) film.Source {
	src := film.Source{Kind: film.SourceImport, Label: "the catalog's content advisory", URL: f.page("advisory")}
	for _, a := range f.Advisories {
		if a.Source == string(film.SourceEditor) {
			src.Kind, src.Label = film.SourceEditor, "an editor's content advisory"
		}
	}
	return src
}

func runtimeQ(f *Facts) (film.Answer, bool) {
	m := f.Film.RuntimeMin
	if m <= 0 {
		return film.Answer{}, false
	}
	d := fmt.Sprintf("%d minutes", m)
	if m >= 60 {
		d = fmt.Sprintf("%d h %02d min (%d minutes)", m/60, m%60, m)
	}
	return film.Answer{Question: fmt.Sprintf("How long is %s?", f.title()),
		Answer: fmt.Sprintf("%s runs %s.", f.title(), d), Sources: []film.Source{f.Catalog}}, true
}

func setting(f *Facts) (film.Answer, bool) {
	s := f.Film.Setting
	if s.Place == "" && s.Period == "" {
		return film.Answer{}, false
	}
	var parts []string
	if s.Place != "" {
		parts = append(parts, "in "+s.Place)
	}
	if s.Period != "" {
		parts = append(parts, "in "+s.Period)
	}
	return film.Answer{Question: fmt.Sprintf("When and where is %s set?", f.title()),
		Answer: fmt.Sprintf("%s is set %s.", f.title(), strings.Join(parts, ", ")), Sources: []film.Source{f.Catalog}}, true
}

// maxCast bounds "who plays whom".
const maxCast = 6

func whoPlays(f *Facts) (film.Answer, bool) {
	a := film.Answer{Question: fmt.Sprintf("Who plays whom in %s?", f.title())}
	var parts []string
	for _, c := range f.Cast {
		if c.Character == "" || len(parts) == maxCast {
			continue
		}
		parts = append(parts, c.PersonName+" plays "+c.Character)
		a.Links = append(a.Links, personLink(c))
	}
	if len(parts) == 0 {
		return film.Answer{}, false
	}
	a.Answer = strings.Join(parts, "; ") + "."
	a.Sources = []film.Source{f.Catalog}
	return a, true
}

func whoMade(f *Facts) (film.Answer, bool) {
	if len(f.Directors) == 0 && len(f.Writers) == 0 {
		return film.Answer{}, false
	}
	a := film.Answer{Question: fmt.Sprintf("Who directed and wrote %s?", f.title()), Sources: []film.Source{f.Catalog}}
	var parts []string
	if len(f.Directors) > 0 {
		parts = append(parts, "directed by "+andList(names(f.Directors)))
	}
	if len(f.Writers) > 0 {
		parts = append(parts, "written by "+andList(names(f.Writers)))
	}
	seen := map[string]bool{}
	for _, c := range append(append([]film.Credit{}, f.Directors...), f.Writers...) {
		if !seen[c.PersonSlug] {
			seen[c.PersonSlug] = true
			a.Links = append(a.Links, personLink(c))
		}
	}
	a.Answer = fmt.Sprintf("%s was %s.", f.title(), strings.Join(parts, " and "))
	return a, true
}

func personLink(c film.Credit) film.Source {
	return film.Source{Label: c.PersonName, URL: "/people/" + c.PersonSlug}
}

func names(cs []film.Credit) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.PersonName
	}
	return out
}

func andList(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	case 2:
		return ns[0] + " and " + ns[1]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// SectionAnchor is the id the film page gives a dossier section's heading:
// the heading's slug (at most 48 characters), else the kind's.
func SectionAnchor(sec film.Section) string {
	h := sec.Heading
	if h == "" {
		h = sec.Kind.Label()
	}
	v := film.Slugify(h)
	if len(v) > 48 {
		v = strings.TrimRight(v[:48], "-")
	}
	if v == "" {
		v = string(sec.Kind)
	}
	return v
}
