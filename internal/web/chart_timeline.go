package web

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
)

// timelineChart draws a career as one strip per role, a bar in each year
// as tall as the films of that role that year, or returns nil for a career
// without dated credits. Bars, not a mark per film, stay readable for a
// career of hundreds of films; labels sit above their strips so the chart
// is drawn for a phone's width (fit) and never scrolls sideways.
func timelineChart(name string, groups []creditGroup) *chart {
	lo, hi := 0, 0
	for _, g := range groups {
		for _, c := range g.Credits {
			if c.FilmYear == 0 {
				continue
			}
			if lo == 0 || c.FilmYear < lo {
				lo = c.FilmYear
			}
			hi = max(hi, c.FilmYear)
		}
	}
	if lo == 0 {
		return nil
	}
	const (
		w      = fitWidth
		labelH = 20 // a strip's label line
		stripH = 26 // its tallest bar
		gap    = 12
		axisH  = 26
	)
	rowH := labelH + stripH + gap
	h := len(groups)*rowH + axisH
	c := &chart{ID: "timeline", Title: "Career timeline", Header: []string{"Year", "Film", "Role"}, Fit: true}
	var desc []string
	for _, g := range groups {
		desc = append(desc, strings.ToLower(g.Label)+" on "+plural(len(g.Credits), "film", "films"))
	}
	c.Desc = fmt.Sprintf("%s's films from %d to %d: %s.", name, lo, hi, strings.Join(desc, ", "))
	s := newSVG(c.ID, c.Title, c.Desc, w, h)
	years := hi - lo + 1
	slot := float64(w) / float64(years)
	xOf := func(y int) float64 { return slot * float64(y-lo) }
	step := yearStep(years, 5)
	for y := (lo + step - 1) / step * step; y <= hi; y += step {
		x := xOf(y) + slot/2
		s.raw(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="grid"/>`, x, labelH, x, h-axisH+4)
		anchor := "middle"
		if x < 24 {
			anchor = "start"
		} else if x > w-24 {
			anchor = "end"
		}
		s.text(x, float64(h-6), anchor, "lbl-fit", itoa(y))
	}
	for i, g := range groups {
		top := float64(i * rowH)
		perYear, titles := map[int]int{}, map[int][]string{}
		dated, most := 0, 0
		for _, cr := range g.Credits {
			if cr.FilmYear == 0 {
				continue
			}
			dated++
			perYear[cr.FilmYear]++
			most = max(most, perYear[cr.FilmYear])
			titles[cr.FilmYear] = append(titles[cr.FilmYear], cr.FilmTitle)
			c.Rows = append(c.Rows, []string{itoa(cr.FilmYear), cr.FilmTitle, g.Label})
		}
		label := g.Label + " · " + plural(dated, "film", "films")
		if most > 1 {
			label += fmt.Sprintf(", up to %d a year", most)
		}
		s.text(0, top+labelH-6, "start", "lbl-fit", label)
		base := top + labelH + stripH
		s.raw(`<line x1="0" y1="%.1f" x2="%d" y2="%.1f" class="axis"/>`, base, w, base)
		bw := max(slot-1, 1.5)
		for y := lo; y <= hi; y++ {
			n := perYear[y]
			if n == 0 {
				continue
			}
			bh := max(stripH*float64(n)/float64(most), 6)
			// No links inside the chart: an image (role="img") must not hold
			// controls; the filmography below links every film.
			s.raw(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" class="yr yr-%s"><title>%d: %s</title></rect>`,
				xOf(y)+(slot-bw)/2, base-bh, bw, bh, esc(string(g.Role)), y, esc(yearTitles(titles[y])))
		}
	}
	c.SVG = s.html()
	return c
}

// yearStep is a round number of years between axis labels that keeps at
// most n of them.
func yearStep(years, n int) int {
	for _, step := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if years/step < n {
			return step
		}
	}
	return 200
}

// yearTitles names a year's films for a bar's tooltip, at most five.
func yearTitles(ts []string) string {
	if len(ts) <= 5 {
		return strings.Join(ts, ", ")
	}
	return strings.Join(ts[:5], ", ") + fmt.Sprintf(" and %d more", len(ts)-5)
}

// roleLabel is the heading of a filmography group.
// creditLabel names a crew credit by its job in the source's words,
// capitalised ("Director of photography"), else by its role.
func creditLabel(c film.Credit) string {
	if c.Job == "" {
		return roleLabel(c.Role)
	}
	r, n := utf8.DecodeRuneInString(c.Job)
	return string(unicode.ToUpper(r)) + c.Job[n:]
}

func roleLabel(r film.Role) string {
	switch r {
	case film.RoleDirector:
		return "Director"
	case film.RoleWriter:
		return "Writer"
	case film.RoleCast:
		return "Actor"
	case film.RoleCinematographer:
		return "Cinematographer"
	case film.RoleComposer:
		return "Composer"
	case film.RoleEditor:
		return "Editor"
	case film.RoleProducer:
		return "Producer"
	}
	return "Other"
}
