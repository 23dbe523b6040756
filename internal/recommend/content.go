package recommend

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"marquee/internal/store"
)

// Feature weights before IDF: who made a film counts most, then what it
// is about and where it is set, then tags, then genre and era, which
// many films share.
const (
	weightDirector = 3.0
	weightWriter   = 2.0
	weightCast     = 2.0 // top billed; lower billing counts less
	weightTheme    = 2.0
	weightPlace    = 1.5
	weightTag      = 1.0
	weightGenre    = 0.5
	weightEra      = 0.5
)

type feat struct {
	id int32
	w  float32
}

// Content is the content signal: every film as a sparse IDF-weighted
// vector of its features, with an inverted index to find candidates.
type Content struct {
	vecs     [][]feat // per item, sorted by feature id
	norms    []float32
	postings [][]int32 // per feature, the items that have it
}

// NewContent builds the content vectors of films (item i is films[i]).
func NewContent(films []store.FilmFeatures) *Content {
	ids := map[string]int32{}
	raw := make([]map[int32]float32, len(films))
	for i, f := range films {
		raw[i] = map[int32]float32{}
		for key, w := range featureWeights(f) {
			id, ok := ids[key]
			if !ok {
				id = int32(len(ids))
				ids[key] = id
			}
			raw[i][id] = w
		}
	}
	c := &Content{vecs: make([][]feat, len(films)), norms: make([]float32, len(films)), postings: make([][]int32, len(ids))}
	for i, r := range raw {
		for id := range r {
			c.postings[id] = append(c.postings[id], int32(i))
		}
	}
	n := float64(len(films))
	for i, r := range raw {
		v := make([]feat, 0, len(r))
		var sq float64
		for id, w := range r {
			idf := math.Log(1 + n/float64(len(c.postings[id])))
			x := float32(float64(w) * idf)
			v = append(v, feat{id, x})
			sq += float64(x) * float64(x)
		}
		slices.SortFunc(v, func(a, b feat) int { return int(a.id - b.id) })
		c.vecs[i] = v
		c.norms[i] = float32(math.Sqrt(sq))
	}
	for id := range c.postings {
		slices.Sort(c.postings[id])
	}
	return c
}

// featureWeights returns a film's features as "kind:key" → weight.
func featureWeights(f store.FilmFeatures) map[string]float32 {
	out := map[string]float32{}
	for _, d := range f.Directors {
		out["d:"+d.Key] = weightDirector
	}
	for _, w := range f.Writers {
		out["w:"+w.Key] = weightWriter
	}
	for k, c := range f.Cast {
		b := c.Billing
		if b <= 0 {
			b = k + 1
		}
		out["c:"+c.Key] = weightCast / float32(math.Sqrt(float64(b)))
	}
	for _, t := range f.Themes {
		out["t:"+t.Key] = weightTheme
	}
	for _, p := range places(f.Place) {
		out["p:"+strings.ToLower(p)] = weightPlace
	}
	for _, t := range f.Tags {
		out["k:"+t] = weightTag
	}
	for _, g := range f.Genres {
		out["g:"+strings.ToLower(g)] = weightGenre
	}
	if f.Year > 0 {
		out["e:"+strconv.Itoa(f.Year/10*10)] = weightEra
	}
	return out
}

// places splits a setting such as "Brighton Beach, Brooklyn, and Las
// Vegas" into its named places.
func places(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		p = strings.TrimSpace(strings.TrimPrefix(p, "and "))
		for _, q := range strings.Split(p, " and ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// Sim returns the cosine of items a and b, 0–1.
func (c *Content) Sim(a, b int32) float32 {
	if c.norms[a] == 0 || c.norms[b] == 0 {
		return 0
	}
	va, vb := c.vecs[a], c.vecs[b]
	var dot float32
	for i, j := 0, 0; i < len(va) && j < len(vb); {
		switch {
		case va[i].id < vb[j].id:
			i++
		case va[i].id > vb[j].id:
			j++
		default:
			dot += va[i].w * vb[j].w
			i++
			j++
		}
	}
	return dot / (c.norms[a] * c.norms[b])
}

// ContentOptions tunes the content neighbour lists.
type ContentOptions struct {
	K int
	// MaxDF: features shared by more items than this (a genre, a decade)
	// do not propose candidates, though they still count in the cosine of
	// candidates found otherwise; it bounds the work on big catalogs.
	MaxDF   int
	Workers int
}

// Neighbours computes each item's top-K content neighbours.
func (c *Content) Neighbours(ctx context.Context, opt ContentOptions) (Neighbours, error) {
	out := make(Neighbours, len(c.vecs))
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range max(opt.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := make([]bool, len(c.vecs))
			var touched []int32
			top := newTopK(opt.K)
			for ctx.Err() == nil {
				a := int32(next.Add(1) - 1)
				if int(a) >= len(c.vecs) {
					return
				}
				for _, f := range c.vecs[a] {
					p := c.postings[f.id]
					if opt.MaxDF > 0 && len(p) > opt.MaxDF {
						continue
					}
					for _, b := range p {
						if !seen[b] && b != a {
							seen[b] = true
							touched = append(touched, b)
						}
					}
				}
				for _, b := range touched {
					seen[b] = false
					if s := c.Sim(a, b); s > 0 {
						top.push(Scored{b, s})
					}
				}
				touched = touched[:0]
				out[a] = top.sorted()
			}
		}()
	}
	wg.Wait()
	return out, ctx.Err()
}
