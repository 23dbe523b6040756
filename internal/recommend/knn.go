package recommend

import (
	"context"
	"math"
	"sync"
	"sync/atomic"
)

// KNNOptions tunes item-to-item collaborative similarity.
type KNNOptions struct {
	K       int     // neighbours kept per item
	Shrink  float32 // cosine shrinkage: c / (√(nᵢnⱼ) + Shrink)
	Workers int     // parallel workers; 1 when 0
	// Progress, when set, is called with the number of items done.
	Progress func(done int)
}

// Neighbours is every item's top-K list, best first.
type Neighbours [][]Scored

// ItemKNN computes, for each item, its K most similar items by cosine of
// the binary "who rated it" vectors, shrunk toward 0 for items few people
// share: sim(i,j) = cᵢⱼ / (√(nᵢ nⱼ) + shrink), where cᵢⱼ counts users who
// rated both. It accumulates co-occurrence counts per item over the
// item's users' rows (sorted CSR arrays, a dense int32 counter per
// worker), so memory is O(items) per worker beyond the matrix.
func ItemKNN(ctx context.Context, m *Matrix, opt KNNOptions) (Neighbours, error) {
	out := make(Neighbours, m.Items)
	items := make([]int32, m.Items)
	for i := range items {
		items[i] = int32(i)
	}
	err := knnRows(ctx, m, opt, items, func(i int32, row []Scored) { out[i] = row })
	return out, err
}

// knnRows computes the rows of the given items, calling put (under a
// lock) with each.
func knnRows(ctx context.Context, m *Matrix, opt KNNOptions, items []int32, put func(int32, []Scored)) error {
	workers := max(opt.Workers, 1)
	var (
		next, done atomic.Int64
		mu         sync.Mutex
		wg         sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newKNNWorker(m, opt)
			for ctx.Err() == nil {
				n := next.Add(1) - 1
				if n >= int64(len(items)) {
					return
				}
				row := w.row(items[n])
				mu.Lock()
				put(items[n], row)
				mu.Unlock()
				if d := done.Add(1); opt.Progress != nil && d%1024 == 0 {
					opt.Progress(int(d))
				}
			}
		}()
	}
	wg.Wait()
	if opt.Progress != nil {
		opt.Progress(int(done.Load()))
	}
	return ctx.Err()
}

type knnWorker struct {
	m       *Matrix
	opt     KNNOptions
	counts  []int32
	touched []int32
	norm    []float32
	top     *topK
}

func newKNNWorker(m *Matrix, opt KNNOptions) *knnWorker {
	w := &knnWorker{m: m, opt: opt, counts: make([]int32, m.Items), norm: make([]float32, m.Items), top: newTopK(opt.K)}
	for i := range w.norm {
		w.norm[i] = float32(math.Sqrt(float64(m.ItemCount(int32(i)))))
	}
	return w
}

func (w *knnWorker) row(i int32) []Scored {
	users, _ := w.m.ItemUsers(i)
	for _, u := range users {
		items, _ := w.m.UserItems(u)
		for _, j := range items {
			if w.counts[j] == 0 {
				w.touched = append(w.touched, j)
			}
			w.counts[j]++
		}
	}
	ni := w.norm[i]
	for _, j := range w.touched {
		c := w.counts[j]
		w.counts[j] = 0
		if j == i {
			continue
		}
		s := Scored{j, float32(c) / (ni*w.norm[j] + w.opt.Shrink)}
		if w.top.full() && !better(s, w.top.min()) {
			continue
		}
		w.top.push(s)
	}
	w.touched = w.touched[:0]
	return w.top.sorted()
}
