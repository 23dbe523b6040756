package web

import (
	"strings"

	"marquee/internal/film"
)

// boxOfficeChart draws budget, opening weekend and grosses by territory as
// horizontal bars on one scale, or returns nil when there is nothing to
// draw.
func boxOfficeChart(b *film.BoxOffice) *chart {
	type bar struct {
		label string
		n     int64
		class string
	}
	var bars []bar
	if b.Budget > 0 {
		bars = append(bars, bar{"Budget", b.Budget, "bar-cost"})
	}
	if b.OpeningWeekend > 0 {
		bars = append(bars, bar{"Opening weekend", b.OpeningWeekend, "bar-open"})
	}
	for _, g := range b.Grosses {
		label := g.Territory
		if label != "" {
			label = strings.ToUpper(label[:1]) + label[1:]
		}
		bars = append(bars, bar{label + " gross", g.Amount, "bar-gross"})
	}
	if len(bars) == 0 {
		return nil
	}
	var top int64
	for _, x := range bars {
		top = max(top, x.n)
	}
	if top == 0 {
		return nil
	}
	const (
		w      = fitWidth
		labelH = 20 // a bar's label line, above it
		barH   = 18
		gap    = 12
		valueW = 76 // room after the longest bar for its amount
	)
	rowH := labelH + barH + gap
	h := len(bars) * rowH
	c := &chart{ID: "boxoffice", Title: "Box office", Header: []string{"", "Amount"}, Fit: true}
	var desc []string
	for _, x := range bars {
		desc = append(desc, x.label+" "+money(x.n, b.Currency))
		c.Rows = append(c.Rows, []string{x.label, money(x.n, b.Currency)})
	}
	c.Desc = "Budget against grosses: " + strings.Join(desc, "; ") + "."
	if b.Budget > 0 && b.Total() > 0 {
		c.Caption = "Grossed " + trimZero(formatRatio(float64(b.Total())/float64(b.Budget))) + "× its budget"
		if b.ReleaseType != "" {
			c.Caption += " on a " + b.ReleaseType + " release"
		}
		c.Caption += "."
	}
	s := newSVG(c.ID, c.Title, c.Desc, w, h)
	plot := float64(w - valueW)
	for i, x := range bars {
		y := float64(i * rowH)
		s.text(0, y+labelH-6, "start", "lbl-fit", x.label)
		bw := max(plot*float64(x.n)/float64(top), 2)
		s.rect(0, y+labelH, bw, barH, x.class)
		s.text(bw+6, y+labelH+barH-4, "start", "val-fit", money(x.n, b.Currency))
	}
	c.SVG = s.html()
	return c
}

func formatRatio(r float64) string {
	if r >= 10 {
		return itoa(int(r + 0.5))
	}
	return strings.TrimRight(strings.TrimRight(sprintf1(r), "0"), ".")
}

func sprintf1(f float64) string {
	n := int(f*10 + 0.5)
	return itoa(n/10) + "." + itoa(n%10)
}
