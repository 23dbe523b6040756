package web

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"marquee/internal/film"
)

// timelineChart draws a career as one row per role with a mark for each
// film in its year, or returns nil for a career without dated credits.
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
	lo, hi = lo-1, hi+1
	const (
		w      = 720
		rowH   = 36
		labelW = 140
		right  = 20
	)
	h := len(groups)*rowH + 40
	c := &chart{ID: "timeline", Title: "Career timeline", Header: []string{"Year", "Film", "Role"}}
	var desc []string
	for _, g := range groups {
		desc = append(desc, strings.ToLower(g.Label)+" on "+plural(len(g.Credits), "film", "films"))
	}
	c.Desc = fmt.Sprintf("%s's films from %d to %d: %s.", name, lo+1, hi-1, strings.Join(desc, ", "))
	s := newSVG(c.ID, c.Title, c.Desc, w, h)
	plot := float64(w - labelW - right)
	xOf := func(y int) float64 { return labelW + plot*float64(y-lo)/float64(hi-lo) }
	step := 1
	for (hi-lo)/step > 8 {
		step *= 2
	}
	for y := lo + 1; y < hi; y += step {
		x := xOf(y)
		s.raw(`<line x1="%.1f" y1="4" x2="%.1f" y2="%d" class="grid"/>`, x, x, h-28)
		s.text(x, float64(h-10), "middle", "lbl", itoa(y))
	}
	for i, g := range groups {
		y := float64(i*rowH + 22)
		s.text(labelW-12, y+5, "end", "lbl", g.Label)
		for _, cr := range g.Credits {
			if cr.FilmYear == 0 {
				continue
			}
			// No links inside the chart: an image (role="img") must not hold
			// controls; the filmography below links every film.
			s.raw(`<circle cx="%.1f" cy="%.1f" r="7" class="dot dot-%s"><title>%s (%d)</title></circle>`,
				xOf(cr.FilmYear), y, esc(string(g.Role)), esc(cr.FilmTitle), cr.FilmYear)
			c.Rows = append(c.Rows, []string{itoa(cr.FilmYear), cr.FilmTitle, g.Label})
		}
	}
	c.SVG = s.html()
	return c
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
