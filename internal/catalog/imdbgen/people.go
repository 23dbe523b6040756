package imdbgen

import (
	"bufio"
	"math/rand/v2"
	"strconv"
)

var professions = []string{"actor", "actress", "producer", "writer", "director", "miscellaneous", "composer",
	"cinematographer", "editor", "camera_department", "sound_department", "art_department"}

var categories = []weighted{
	{"actor", 0.34}, {"actress", 0.56}, {"self", 0.64}, {"director", 0.72}, {"writer", 0.82},
	{"producer", 0.90}, {"composer", 0.93}, {"cinematographer", 0.96}, {"editor", 0.98}, {"archive_footage", 1},
}

func (g *gen) name(b []byte, r *rand.Rand, z *rand.Zipf) []byte {
	b = append(b, g.vocab[z.Uint64()]...)
	if r.Float64() < 0.1 {
		b = append(b, ' ')
		b = append(b, byte('A'+r.IntN(26)), '.')
	}
	b = append(b, ' ')
	b = append(b, g.vocab[z.Uint64()]...)
	if r.Float64() < 0.01 {
		b = append(b, " Jr."...)
	}
	return b
}

func (g *gen) nameBasics(w *bufio.Writer, r *rand.Rand) (int, error) {
	z := rand.NewZipf(r, 1.05, 20, uint64(len(g.vocab)-1))
	var b []byte
	for i := 1; i <= g.names; i++ {
		b = id(b[:0], "nm", i)
		b = append(b, '\t')
		b = g.name(b, r, z)
		birth := 1880 + r.IntN(125)
		b = append(b, '\t')
		b = nullOr(b, r, 0.7, birth)
		b = append(b, '\t')
		b = nullOr(b, r, 0.92, birth+20+r.IntN(80))
		b = append(b, '\t')
		if r.Float64() < 0.05 {
			b = append(b, `\N`...)
		} else {
			for k := range 1 + r.IntN(3) {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, professions[min(len(professions)-1, int(r.ExpFloat64()*3))]...)
			}
		}
		b = append(b, '\t')
		if r.Float64() < 0.1 {
			b = append(b, `\N`...)
		} else {
			for k := range 1 + r.IntN(4) {
				if k > 0 {
					b = append(b, ',')
				}
				b = id(b, "tt", 1+r.IntN(g.titles))
			}
		}
		if err := g.emit(w, r, b); err != nil {
			return i, err
		}
	}
	return g.names, nil
}

// principals writes 3 to 13 principals per title (8 on average), each a
// distinct person drawn with a Zipf bias towards busy people.
func (g *gen) principals(w *bufio.Writer, r *rand.Rand) (int, error) {
	people := rand.NewZipf(r, 1.02, 50, uint64(g.names-1))
	words := rand.NewZipf(r, 1.1, 20, uint64(len(g.vocab)-1))
	var b []byte
	n := 0
	used := make(map[int]bool, 16)
	for t := 1; t <= g.titles; t++ {
		clear(used)
		count := 3 + r.IntN(11)
		for ord := 1; ord <= count; ord++ {
			p := 1 + int(people.Uint64())
			for used[p] {
				p = 1 + r.IntN(g.names)
			}
			used[p] = true
			cat := pick(categories, r.Float64())
			b = id(b[:0], "tt", t)
			b = append(b, '\t')
			b = strconv.AppendInt(b, int64(ord), 10)
			b = append(b, '\t')
			b = id(b, "nm", p)
			b = append(b, '\t')
			b = append(b, cat...)
			b = append(b, '\t')
			switch {
			case cat == "writer" && r.Float64() < 0.5:
				b = append(b, "screenplay"...)
			case cat == "producer":
				b = append(b, "executive producer"...)
			default:
				b = append(b, `\N`...)
			}
			b = append(b, '\t')
			b = g.characters(b, r, words, cat)
			n++
			if err := g.emit(w, r, b); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// characters appends the JSON-style list IMDb uses, or \N.
func (g *gen) characters(b []byte, r *rand.Rand, z *rand.Zipf, cat string) []byte {
	switch {
	case cat == "self" || cat == "archive_footage":
		return append(b, `["Self"]`...)
	case cat != "actor" && cat != "actress", r.Float64() < 0.1:
		return append(b, `\N`...)
	}
	b = append(b, `["`...)
	if r.Float64() < 0.03 {
		b = append(b, `Dr. \"`...)
		b = append(b, g.vocab[z.Uint64()]...)
		b = append(b, `\" `...)
	}
	b = append(b, g.vocab[z.Uint64()]...)
	if r.Float64() < 0.6 {
		b = append(b, ' ')
		b = append(b, g.vocab[z.Uint64()]...)
	}
	if r.Float64() < 0.05 {
		b = append(b, `","`...)
		b = append(b, g.vocab[z.Uint64()]...)
	}
	return append(b, `"]`...)
}

func (g *gen) ratings(w *bufio.Writer, r *rand.Rand) (int, error) {
	var b []byte
	for t := 1; t <= g.titles; t++ {
		b = id(b[:0], "tt", t)
		b = append(b, '\t')
		avg := min(10, max(1, 6.2+r.NormFloat64()*1.3))
		b = strconv.AppendFloat(b, float64(int(avg*10))/10, 'f', 1, 64)
		b = append(b, '\t')
		b = strconv.AppendInt(b, int64(votes(r)), 10)
		if err := g.emit(w, r, b); err != nil {
			return t, err
		}
	}
	return g.titles, nil
}

func (g *gen) crew(w *bufio.Writer, r *rand.Rand) (int, error) {
	people := rand.NewZipf(r, 1.02, 50, uint64(g.names-1))
	var b []byte
	list := func(n int) {
		if n == 0 {
			b = append(b, `\N`...)
			return
		}
		for k := range n {
			if k > 0 {
				b = append(b, ',')
			}
			b = id(b, "nm", 1+int(people.Uint64()))
		}
	}
	for t := 1; t <= g.titles; t++ {
		b = id(b[:0], "tt", t)
		b = append(b, '\t')
		list([]int{0, 1, 1, 1, 1, 1, 2}[r.IntN(7)])
		b = append(b, '\t')
		list([]int{0, 0, 1, 1, 2, 3}[r.IntN(6)])
		if err := g.emit(w, r, b); err != nil {
			return t, err
		}
	}
	return g.titles, nil
}
