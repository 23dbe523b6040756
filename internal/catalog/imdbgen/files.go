package imdbgen

import (
	"bufio"
	"math/rand/v2"
)

// Title types with roughly IMDb's proportions, as cumulative weights.
var titleTypes = []weighted{
	{"movie", 0.30}, {"short", 0.40}, {"tvEpisode", 0.78}, {"tvSeries", 0.84}, {"tvMovie", 0.90},
	{"video", 0.95}, {"tvMiniSeries", 0.97}, {"tvSpecial", 0.98}, {"videoGame", 0.99}, {"tvShort", 1},
}

var genres = []string{"Drama", "Comedy", "Documentary", "Action", "Romance", "Thriller", "Crime", "Horror",
	"Adventure", "Family", "Animation", "Mystery", "Fantasy", "Sci-Fi", "Music", "Biography", "History",
	"War", "Western", "Sport", "Musical", "Film-Noir", "Talk-Show", "Reality-TV", "News", "Game-Show", "Adult"}

// Real titles placed among the synthetic ones, so relevance checks have
// something to look for. Index i goes to tt(1000*(i+1)).
var realTitles = []struct {
	title string
	year  int
}{
	{"Tangerine", 2015}, {"The Florida Project", 2017}, {"Red Rocket", 2021}, {"Anora", 2024},
	{"Starlet", 2012}, {"Prince of Broadway", 2008}, {"Take Out", 2004}, {"Amélie", 2001},
}

func (g *gen) words(b []byte, r *rand.Rand, z *rand.Zipf, n int) []byte {
	for i := range n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, g.vocab[z.Uint64()]...)
	}
	return b
}

func (g *gen) title(b []byte, r *rand.Rand, z *rand.Zipf) []byte {
	switch p := r.Float64(); {
	case p < 0.12:
		b = append(b, "The "...)
	case p < 0.14:
		b = append(b, '"')
		b = g.words(b, r, z, 1)
		b = append(b, `" `...)
	}
	b = g.words(b, r, z, 1+r.IntN(4))
	switch p := r.Float64(); {
	case p < 0.05:
		b = append(b, ": "...)
		b = g.words(b, r, z, 1+r.IntN(3))
	case p < 0.07:
		b = append(b, " 2"...)
	case p < 0.09:
		b = append(b, "'s Story"...)
	}
	return b
}

func (g *gen) basics(w *bufio.Writer, r *rand.Rand) (int, error) {
	z := rand.NewZipf(r, 1.1, 20, uint64(len(g.vocab)-1))
	var b, primary []byte
	for i := 1; i <= g.titles; i++ {
		typ := pick(titleTypes, r.Float64())
		year := 1900 + int(125*(1-r.Float64()*r.Float64()))
		if k := i/1000 - 1; i%1000 == 0 && k < len(realTitles) {
			primary = append(primary[:0], realTitles[k].title...)
			year, typ = realTitles[k].year, "movie"
		} else {
			primary = g.title(primary[:0], r, z)
		}
		b = id(b[:0], "tt", i)
		b = append(b, '\t')
		b = append(b, typ...)
		b = append(b, '\t')
		b = append(b, primary...)
		b = append(b, '\t')
		if r.Float64() < 0.85 {
			b = append(b, primary...)
		} else {
			b = g.title(b, r, z)
		}
		if r.Float64() < 0.02 {
			b = append(b, "\t1\t"...)
		} else {
			b = append(b, "\t0\t"...)
		}
		b = nullOr(b, r, 0.05, year)
		b = append(b, '\t')
		if typ == "tvSeries" || typ == "tvMiniSeries" {
			b = nullOr(b, r, 0.5, year+r.IntN(10))
		} else {
			b = append(b, `\N`...)
		}
		b = append(b, '\t')
		b = nullOr(b, r, 0.3, 5+r.IntN(170))
		b = append(b, '\t')
		if r.Float64() < 0.08 {
			b = append(b, `\N`...)
		} else {
			for k := range 1 + r.IntN(3) {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, genres[min(len(genres)-1, int(r.ExpFloat64()*5))]...)
			}
		}
		if err := g.emit(w, r, b); err != nil {
			return i, err
		}
	}
	return g.titles, nil
}

// emit writes one row, damaged when this row is drawn bad.
func (g *gen) emit(w *bufio.Writer, r *rand.Rand, b []byte) error {
	if g.bad(r) {
		b = corrupt(b, r)
	}
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}

// weighted is one choice with its cumulative probability.
type weighted struct {
	name string
	cum  float64
}

// pick returns the first choice whose cumulative weight exceeds p.
func pick(ws []weighted, p float64) string {
	for _, w := range ws {
		if p < w.cum {
			return w.name
		}
	}
	return ws[len(ws)-1].name
}
