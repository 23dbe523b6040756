// Package imdbgen writes deterministic files in the format of IMDb's
// non-commercial datasets, for benchmarks and tests: realistic shapes
// (title types, years, a heavy tail of votes, Zipf-distributed words from a
// large vocabulary, UTF-8, quotes inside titles, \N wherever IMDb puts it)
// and, when asked, a sprinkling of malformed rows.
package imdbgen

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// Options says how much to write. At Scale 1: 1,000,000 titles, 1,500,000
// names, about 8,000,000 principals, 1,000,000 ratings and crew rows.
type Options struct {
	Scale float64 // multiplies every count; 0.001 makes a small test set
	Bad   float64 // fraction of rows written malformed (0 for none)
	Seed  uint64  // same seed, scale and bad fraction give identical files
	Gzip  bool    // write .tsv.gz instead of .tsv
}

// Counts is how many rows each file received, keyed by dataset name.
type Counts map[string]int

// Headers are the real header lines of the datasets written.
var Headers = map[string]string{
	"title.basics":     "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres",
	"name.basics":      "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles",
	"title.principals": "tconst\tordering\tnconst\tcategory\tjob\tcharacters",
	"title.ratings":    "tconst\taverageRating\tnumVotes",
	"title.crew":       "tconst\tdirectors\twriters",
}

// gen holds what every file's writer shares; each file draws from its own
// random stream so files can be written concurrently and stay identical.
type gen struct {
	opts   Options
	titles int
	names  int
	vocab  []string
}

// Generate writes the five datasets into dir, which must exist.
func Generate(dir string, opts Options) (Counts, error) {
	if opts.Scale <= 0 {
		return nil, fmt.Errorf("imdbgen: scale %g must be positive", opts.Scale)
	}
	g := &gen{opts: opts, titles: max(10, int(1e6*opts.Scale)), names: max(15, int(1.5e6*opts.Scale))}
	g.vocab = vocabulary(40000, opts.Seed)
	writers := map[string]func(w *bufio.Writer, r *rand.Rand) (int, error){
		"title.basics": g.basics, "name.basics": g.nameBasics, "title.principals": g.principals,
		"title.ratings": g.ratings, "title.crew": g.crew,
	}
	var (
		mu     sync.Mutex
		wg     sync.WaitGroup
		counts = Counts{}
		first  error
	)
	i := uint64(0)
	for name, write := range writers {
		i++
		seed := opts.Seed*31 + uint64(len(name))*7919 + uint64(name[len(name)-1])
		wg.Go(func() {
			n, err := g.writeFile(dir, name, seed, write)
			mu.Lock()
			defer mu.Unlock()
			counts[name] = n
			if err != nil && first == nil {
				first = err
			}
		})
	}
	wg.Wait()
	return counts, first
}

func (g *gen) writeFile(dir, name string, seed uint64, write func(*bufio.Writer, *rand.Rand) (int, error)) (int, error) {
	path := filepath.Join(dir, name+".tsv")
	if g.opts.Gzip {
		path += ".gz"
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var out io.Writer = f
	var zw *gzip.Writer
	if g.opts.Gzip {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestSpeed)
		out = zw
	}
	w := bufio.NewWriterSize(out, 1<<20)
	w.WriteString(Headers[name] + "\n")
	n, err := write(w, rand.New(rand.NewPCG(seed, 0x1bd6)))
	if err == nil {
		err = w.Flush()
	}
	if err == nil && zw != nil {
		err = zw.Close()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		return n, fmt.Errorf("imdbgen: write %s: %w", path, err)
	}
	return n, nil
}

// id appends an IMDb identifier: a prefix and at least seven digits.
func id(b []byte, prefix string, n int) []byte {
	b = append(b, prefix...)
	s := strconv.Itoa(n)
	for i := len(s); i < 7; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// nullOr appends \N with probability p, else the number.
func nullOr(b []byte, r *rand.Rand, p float64, n int) []byte {
	if r.Float64() < p {
		return append(b, `\N`...)
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// bad reports whether this row should be written malformed.
func (g *gen) bad(r *rand.Rand) bool { return g.opts.Bad > 0 && r.Float64() < g.opts.Bad }

// corrupt damages a finished row (without its newline) in one of the ways
// real files go wrong: a lost column, a bad number, invalid UTF-8.
func corrupt(row []byte, r *rand.Rand) []byte {
	switch r.IntN(3) {
	case 0:
		for i := len(row) - 1; i >= 0; i-- { // drop the last column
			if row[i] == '\t' {
				return row[:i]
			}
		}
		return row
	case 1:
		return append(row, "\textra"...)
	default:
		return append(row, 0xff, 0xfe)
	}
}

// votes draws a vote count from a heavy-tailed (Pareto) distribution.
func votes(r *rand.Rand) int {
	v := 5 / math.Pow(1-r.Float64(), 1.6)
	return int(min(v, 3e6))
}
