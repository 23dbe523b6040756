package web

import (
	"fmt"
	"math"
	"strconv"

	"marquee/internal/knowledge"
)

// themeGraph draws themes linked by the films they share: each theme a
// circle sized by its films and a link to its page, each link a line as
// thick as the films shared. The table behind it lists every link.
// focus, when not empty, is the theme the graph is centred on.
func themeGraph(id, title string, nodes []knowledge.Node, edges []knowledge.Edge, focus string) *chart {
	if len(nodes) == 0 {
		return nil
	}
	knowledge.Layout(nodes, edges)
	const w, h = 720.0, 480.0
	maxFilms, maxShared := 1, 1
	for _, n := range nodes {
		maxFilms = max(maxFilms, n.Films)
	}
	for _, e := range edges {
		maxShared = max(maxShared, e.Shared)
	}
	desc := fmt.Sprintf("%d themes; %d links between themes that share films.", len(nodes), len(edges))
	c := &chart{ID: id, Title: title, Desc: desc, Header: []string{"Theme", "Linked theme", "Films shared"}}
	s := newLinkedSVG(id, title, desc, int(w), int(h))
	// Margins keep the labels (drawn above each circle, centred) inside.
	const mx, top, bottom = 90.0, 40.0, 24.0
	px := func(n knowledge.Node) (float64, float64) {
		return mx + (n.X-0.05)/0.9*(w-2*mx), top + (n.Y-0.05)/0.9*(h-top-bottom)
	}
	s.raw(`<g class="tg-edges" stroke="#b9ab9c" stroke-linecap="round">`)
	for _, e := range edges {
		x1, y1 := px(nodes[e.A])
		x2, y2 := px(nodes[e.B])
		sw := 1 + 4*float64(e.Shared)/float64(maxShared)
		s.raw(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke-width="%.1f"><title>%s — %s: %d shared</title></line>`,
			x1, y1, x2, y2, sw, esc(nodes[e.A].Name), esc(nodes[e.B].Name), e.Shared)
		c.Rows = append(c.Rows, []string{nodes[e.A].Name, nodes[e.B].Name, strconv.Itoa(e.Shared)})
	}
	s.raw(`</g><g class="tg-nodes">`)
	for _, n := range nodes {
		x, y := px(n)
		r := 6 + 14*math.Sqrt(float64(n.Films)/float64(maxFilms))
		fill := "#c0602a"
		if n.Slug == focus {
			fill = "#7a2e12"
		}
		s.raw(`<a href="/themes/%s"><circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#fff" stroke-width="2"><title>%s: %d films</title></circle>`,
			esc(n.Slug), x, y, r, fill, esc(n.Name), n.Films)
		anchor := "middle"
		s.raw(`<text x="%.1f" y="%.1f" text-anchor="%s" class="lbl" font-size="13" fill="#2b2520">%s</text></a>`, x, y-r-4, anchor, esc(n.Name))
	}
	s.raw(`</g>`)
	c.SVG = s.html()
	if len(edges) == 0 {
		c.Rows = nil
		c.Header = []string{"Theme", "Films"}
		for _, n := range nodes {
			c.Rows = append(c.Rows, []string{n.Name, strconv.Itoa(n.Films)})
		}
	}
	return c
}
