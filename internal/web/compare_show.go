package web

import (
	"html/template"
	"net/http"
	"strings"

	"marquee/internal/film"
)

// compareShow sets two films side by side: their facts row by row, then
// their dossiers section by section in canonical order.
func (s *Server) compareShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a, err := s.loadFilm(ctx, r.PathValue("a"))
	if err != nil {
		return err
	}
	b, err := s.loadFilm(ctx, r.PathValue("b"))
	if err != nil {
		return err
	}
	p := &comparePage{A: a, B: b, Facts: compareFacts(a, b), Rows: compareSections(a, b)}
	p.Base = s.newBase(r, a.Film.Title+" and "+b.Film.Title+" compared", "Two films side by side: "+a.Film.Title+" and "+b.Film.Title+".")
	s.render(w, r, http.StatusOK, "compare", p)
	return nil
}

func compareFacts(a, b *filmView) []compareRow {
	fact := func(label string, get func(v *filmView) string) compareRow {
		return compareRow{Label: label, A: template.HTML(esc(get(a))), B: template.HTML(esc(get(b)))}
	}
	people := func(cs []film.Credit) string { return strings.Join(names(cs), ", ") }
	rows := []compareRow{
		fact("Year", func(v *filmView) string { return yearOr(v.Film.Year) }),
		fact("Runtime", func(v *filmView) string {
			if v.Film.RuntimeMin == 0 {
				return "—"
			}
			return runtime(v.Film.RuntimeMin)
		}),
		fact("Directed by", func(v *filmView) string { return dash(people(v.Directors)) }),
		fact("Written by", func(v *filmView) string { return dash(people(v.Writers)) }),
		fact("Starring", func(v *filmView) string {
			var ns []string
			for i, c := range v.Cast {
				if i == 4 {
					break
				}
				ns = append(ns, c.PersonName)
			}
			return dash(strings.Join(ns, ", "))
		}),
		fact("Genres", func(v *filmView) string { return dash(strings.Join(v.Film.Genres, ", ")) }),
		fact("Certification", func(v *filmView) string { return dash(v.Film.Certification) }),
		fact("Suitability", func(v *filmView) string { return v.Suitability.Audience }),
		fact("Budget", func(v *filmView) string {
			if v.BoxOffice == nil || v.BoxOffice.Budget == 0 {
				return "—"
			}
			return money(v.BoxOffice.Budget, v.BoxOffice.Currency)
		}),
		fact("Worldwide gross", func(v *filmView) string {
			if v.BoxOffice == nil || v.BoxOffice.Total() == 0 {
				return "—"
			}
			return money(v.BoxOffice.Total(), v.BoxOffice.Currency)
		}),
		fact("Rating", func(v *filmView) string {
			if v.Film.Rating.Votes == 0 {
				return "—"
			}
			return rating1(v.Film.Rating.Average) + "/10 (" + film.Grouped(v.Film.Rating.Votes) + " votes)"
		}),
	}
	return rows
}

func compareSections(a, b *filmView) []compareSection {
	var out []compareSection
	find := func(v *filmView, k film.SectionKind) *sectionView {
		if v.Dossier == nil {
			return nil
		}
		for i := range v.Dossier.Sections {
			if v.Dossier.Sections[i].Kind == k {
				return &v.Dossier.Sections[i]
			}
		}
		return nil
	}
	for _, k := range film.SectionKinds {
		sa, sb := find(a, k), find(b, k)
		if sa == nil && sb == nil {
			continue
		}
		// The kind names the row: one film's own heading ("Introduction
		// to “Red Rocket”") would name the other film's text wrongly.
		heading := k.Label()
		if sa != nil && sb != nil && sa.Heading != "" && sa.Heading == sb.Heading {
			heading = sa.Heading
		}
		out = append(out, compareSection{ID: "cmp-" + string(k), Heading: heading, A: sa, B: sb})
	}
	return out
}

func yearOr(y int) string {
	if y == 0 {
		return "—"
	}
	return itoa(y)
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func rating1(f float64) string { return sprintf1(f) }
