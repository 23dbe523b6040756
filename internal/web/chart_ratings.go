package web

import (
	"fmt"

	"marquee/internal/film"
)

// ratingChart draws a histogram of per-user ratings in ten bands, or
// returns nil when there are none (the page then shows the aggregate
// rating alone).
func ratingChart(h [10]int) *chart {
	total, top := 0, 0
	for _, n := range h {
		total += n
		top = max(top, n)
	}
	if total == 0 {
		return nil
	}
	const (
		w    = 640
		ht   = 200
		base = 170
		left = 10
	)
	c := &chart{ID: "ratings", Title: "Ratings from readers", Header: []string{"Rating", "Readers"}}
	c.Desc = fmt.Sprintf("How %s readers rated the film, in ten bands from 1 to 10.", film.Grouped(int64(total)))
	s := newSVG(c.ID, c.Title, c.Desc, w, ht)
	bw := float64(w-2*left) / 10
	for i, n := range h {
		x := left + float64(i)*bw
		bh := 140 * float64(n) / float64(top)
		if n > 0 {
			bh = max(bh, 2)
		}
		s.rect(x+4, base-bh, bw-8, bh, "bar-gross")
		s.text(x+bw/2, base+20, "middle", "lbl", itoa(i+1))
		if n > 0 {
			s.text(x+bw/2, base-bh-6, "middle", "val", film.Grouped(int64(n)))
		}
		c.Rows = append(c.Rows, []string{itoa(i+1) + "/10", film.Grouped(int64(n))})
	}
	s.raw(`<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, base, w-left, base)
	c.SVG = s.html()
	return c
}
