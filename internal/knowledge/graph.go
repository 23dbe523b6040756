package knowledge

import (
	"math"
	"sort"
)

// Node is a theme in the graph, sized by its films.
type Node struct {
	Slug, Name string
	Films      int
	X, Y       float64 // position in the unit square, after Layout
}

// Edge links two themes (indexes into the node list) by the films they
// share.
type Edge struct {
	A, B   int
	Shared int
}

// Layout places nodes in the unit square by a deterministic force-directed
// layout (Fruchterman–Reingold from a circle, a fixed number of rounds):
// themes that share films are drawn together, the rest pushed apart. The
// same graph always gets the same picture.
func Layout(nodes []Node, edges []Edge) {
	n := len(nodes)
	if n == 0 {
		return
	}
	if n == 1 {
		nodes[0].X, nodes[0].Y = 0.5, 0.5
		return
	}
	for i := range nodes {
		a := 2 * math.Pi * float64(i) / float64(n)
		nodes[i].X, nodes[i].Y = 0.5+0.4*math.Cos(a), 0.5+0.4*math.Sin(a)
	}
	k := math.Sqrt(1 / float64(n))
	temp := 0.1
	dx, dy := make([]float64, n), make([]float64, n)
	for round := 0; round < 200; round++ {
		clear(dx)
		clear(dy)
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				x, y := nodes[i].X-nodes[j].X, nodes[i].Y-nodes[j].Y
				d := math.Max(math.Hypot(x, y), 1e-4)
				f := k * k / d
				dx[i] += x / d * f
				dy[i] += y / d * f
				dx[j] -= x / d * f
				dy[j] -= y / d * f
			}
		}
		for _, e := range edges {
			x, y := nodes[e.A].X-nodes[e.B].X, nodes[e.A].Y-nodes[e.B].Y
			d := math.Max(math.Hypot(x, y), 1e-4)
			f := d * d / k * math.Log1p(float64(e.Shared))
			dx[e.A] -= x / d * f
			dy[e.A] -= y / d * f
			dx[e.B] += x / d * f
			dy[e.B] += y / d * f
		}
		for i := range nodes {
			// A weak pull to the centre keeps unlinked themes on the page.
			dx[i] += (0.5 - nodes[i].X) * k
			dy[i] += (0.5 - nodes[i].Y) * k
			d := math.Max(math.Hypot(dx[i], dy[i]), 1e-9)
			step := math.Min(d, temp)
			nodes[i].X = clamp(nodes[i].X + dx[i]/d*step)
			nodes[i].Y = clamp(nodes[i].Y + dy[i]/d*step)
		}
		temp *= 0.98
	}
}

func clamp(v float64) float64 { return math.Min(0.95, math.Max(0.05, v)) }

// Neighbourhood returns the edges touching node i, most shared first.
func Neighbourhood(i int, edges []Edge) []Edge {
	var out []Edge
	for _, e := range edges {
		if e.A == i || e.B == i {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Shared > out[b].Shared })
	return out
}
