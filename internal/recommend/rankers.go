package recommend

// ranker scores every item for a user of the training matrix; out has
// one slot per item and arrives zeroed.
type ranker interface {
	score(items []int32, out []float32)
}

// popular ranks by how many users rated each item in training.
type popular struct{ counts []float32 }

func newPopular(m *Matrix) popular {
	p := popular{counts: make([]float32, m.Items)}
	for i := range p.counts {
		p.counts[i] = float32(m.ItemCount(int32(i)))
	}
	return p
}

func (p popular) score(_ []int32, out []float32) { copy(out, p.counts) }

// byNeighbours sums the neighbour lists of the user's items (item-kNN,
// content, or both blended as the stored lists are).
type byNeighbours struct{ nb Neighbours }

func (b byNeighbours) score(items []int32, out []float32) {
	for _, i := range items {
		for _, s := range b.nb[i] {
			out[s.Item] += s.Score
		}
	}
}

type byEASE struct{ e *EASE }

func (b byEASE) score(items []int32, out []float32) { b.e.Score(items, out) }

// blend sums its parts' scores, each scaled to a maximum of 1 for the
// user, times its weight.
type blend struct {
	parts   []ranker
	weights []float32
}

func (b blend) score(items []int32, out []float32) {
	tmp := make([]float32, len(out))
	for k, p := range b.parts {
		if b.weights[k] == 0 {
			continue
		}
		clear(tmp)
		p.score(items, tmp)
		addScaled(out, tmp, b.weights[k])
	}
}

// addScaled adds w·tmp/max(tmp) to out.
func addScaled(out, tmp []float32, w float32) {
	var hi float32
	for _, x := range tmp {
		hi = max(hi, x)
	}
	if hi <= 0 {
		return
	}
	f := w / hi
	for j, x := range tmp {
		out[j] += f * x
	}
}

// listBlend merges two neighbour lists per item the way the stored
// similar lists do: w·content + (1−w)·collaborative.
func listBlend(coll, cont Neighbours, w float32, k int) Neighbours {
	out := make(Neighbours, len(coll))
	for i := range coll {
		m := map[int32]float32{}
		for _, s := range coll[i] {
			m[s.Item] += (1 - w) * s.Score
		}
		for _, s := range cont[i] {
			m[s.Item] += w * s.Score
		}
		t := newTopK(k)
		for j, s := range m {
			t.push(Scored{j, s})
		}
		out[i] = t.sorted()
	}
	return out
}
