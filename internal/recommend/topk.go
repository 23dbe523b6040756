package recommend

import (
	"slices"
)

// Scored is an item and its score.
type Scored struct {
	Item  int32
	Score float32
}

// better orders by score descending, then item ascending, so every
// ranking here is deterministic.
func better(a, b Scored) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Item < b.Item
}

// topK keeps the k best Scored values pushed into it, in a min-heap
// (the worst at h[0]) written out to avoid container/heap's boxing.
type topK struct {
	k int
	h []Scored
}

func newTopK(k int) *topK { return &topK{k: k, h: make([]Scored, 0, k)} }

func (t *topK) push(s Scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		t.up(len(t.h) - 1)
		return
	}
	if t.k > 0 && better(s, t.h[0]) {
		t.h[0] = s
		t.down(0)
	}
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(t.h[p], t.h[i]) {
			break
		}
		t.h[p], t.h[i] = t.h[i], t.h[p]
		i = p
	}
}

func (t *topK) down(i int) {
	n := len(t.h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		w := l
		if r := l + 1; r < n && better(t.h[l], t.h[r]) {
			w = r
		}
		if !better(t.h[i], t.h[w]) {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

// full reports whether k values are held.
func (t *topK) full() bool { return len(t.h) >= t.k }

// min returns the worst value held.
func (t *topK) min() Scored { return t.h[0] }

// sorted returns the values best first and empties t.
func (t *topK) sorted() []Scored {
	out := slices.Clone(t.h)
	slices.SortFunc(out, func(a, b Scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	t.h = t.h[:0]
	return out
}

// rankTop returns the k best items of scores, skipping those excluded.
func rankTop(scores []float32, k int, exclude func(int32) bool) []Scored {
	t := newTopK(k)
	for i, s := range scores {
		if exclude != nil && exclude(int32(i)) {
			continue
		}
		if t.full() && !better(Scored{int32(i), s}, t.min()) {
			continue
		}
		t.push(Scored{int32(i), s})
	}
	return t.sorted()
}
