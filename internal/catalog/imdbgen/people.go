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
		b = nullOr(b, r, 0.92, min(birth+20+r.IntN(80), 2025)) // nobody has died in the future
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

// principal is one person credited on a title.
type principal struct {
	person int
	cat    string
}

// titlePrincipals draws the 3 to 13 principals of title t (8 on average),
// distinct people with a Zipf bias towards busy ones, from a stream of its
// own, so that title.crew can name the same directors and writers as
// title.principals, as IMDb's files do.
func (g *gen) titlePrincipals(t int, out []principal) []principal {
	r := rand.New(rand.NewPCG(g.opts.Seed^0x9e3779b97f4a7c15, uint64(t)))
	people := rand.NewZipf(r, 1.02, 50, uint64(g.names-1))
	out = out[:0]
	for range 3 + r.IntN(11) {
		p := 1 + int(people.Uint64())
		for g.has(out, p) {
			p = 1 + r.IntN(g.names)
		}
		out = append(out, principal{p, pick(categories, r.Float64())})
	}
	return out
}

func (g *gen) has(ps []principal, p int) bool {
	for _, x := range ps {
		if x.person == p {
			return true
		}
	}
	return false
}

func (g *gen) principals(w *bufio.Writer, r *rand.Rand) (int, error) {
	words := rand.NewZipf(r, 1.1, 20, uint64(len(g.vocab)-1))
	var (
		b  []byte
		ps []principal
		n  int
	)
	for t := 1; t <= g.titles; t++ {
		ps = g.titlePrincipals(t, ps)
		for i, p := range ps {
			b = id(b[:0], "tt", t)
			b = append(b, '\t')
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, '\t')
			b = id(b, "nm", p.person)
			b = append(b, '\t')
			b = append(b, p.cat...)
			b = append(b, '\t')
			switch {
			case p.cat == "writer" && r.Float64() < 0.5:
				b = append(b, "screenplay"...)
			case p.cat == "producer":
				b = append(b, "executive producer"...)
			default:
				b = append(b, `\N`...)
			}
			b = append(b, '\t')
			b = g.characters(b, r, words, p.cat)
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

// crew names a title's directors and writers: those among its principals,
// and, as in IMDb's files, sometimes others who are not.
func (g *gen) crew(w *bufio.Writer, r *rand.Rand) (int, error) {
	people := rand.NewZipf(r, 1.02, 50, uint64(g.names-1))
	var (
		b  []byte
		ps []principal
	)
	list := func(cat string, extra float64) {
		n := 0
		for _, p := range ps {
			if p.cat == cat {
				if n > 0 {
					b = append(b, ',')
				}
				b = id(b, "nm", p.person)
				n++
			}
		}
		if r.Float64() < extra {
			if n > 0 {
				b = append(b, ',')
			}
			b = id(b, "nm", 1+int(people.Uint64()))
			n++
		}
		if n == 0 {
			b = append(b, `\N`...)
		}
	}
	for t := 1; t <= g.titles; t++ {
		ps = g.titlePrincipals(t, ps)
		b = id(b[:0], "tt", t)
		b = append(b, '\t')
		list("director", 0.3)
		b = append(b, '\t')
		list("writer", 0.4)
		if err := g.emit(w, r, b); err != nil {
			return t, err
		}
	}
	return g.titles, nil
}
