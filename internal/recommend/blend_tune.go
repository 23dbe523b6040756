package recommend

import (
	"context"
	"sync"
)

// tuneBlend tries every weight combination of blendGrid on the
// validation users and returns the best NDCG@10 and its weights. Each
// part's scores are computed once per user, scaled to a maximum of 1, and
// combined per combination.
func tuneBlend(ctx context.Context, f *fittedModels, sub *Matrix, valid [][]int32, users []int32, opt EvalOptions) (float64, [4]float32, error) {
	parts := []ranker{f.ease, f.knn, f.content, f.pop}
	n := sub.Items
	cache := make([][]float32, len(users)) // per user: 4 scaled parts, n each
	var wg sync.WaitGroup
	workers := max(opt.Workers, 1)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tmp := make([]float32, n)
			for k := w; k < len(users); k += workers {
				items, _ := sub.UserItems(users[k])
				buf := make([]float32, 4*n)
				for p, r := range parts {
					if r == nil {
						continue
					}
					clear(tmp)
					r.score(items, tmp)
					addScaled(buf[p*n:(p+1)*n], tmp, 1)
				}
				cache[k] = buf
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, [4]float32{}, err
	}
	var combos [][4]float32
	for _, a := range blendGrid[0] {
		if a != 0 && f.ease == nil {
			continue
		}
		for _, b := range blendGrid[1] {
			for _, c := range blendGrid[2] {
				for _, d := range blendGrid[3] {
					if a+b+c+d > 0 {
						combos = append(combos, [4]float32{a, b, c, d})
					}
				}
			}
		}
	}
	results := make([]float64, len(combos))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			scores := make([]float32, n)
			seen := make([]bool, n)
			for ci := w; ci < len(combos); ci += workers {
				if ctx.Err() != nil {
					return
				}
				wt := combos[ci]
				var sum float64
				for k, u := range users {
					buf := cache[k]
					for j := range scores {
						scores[j] = wt[0]*buf[j] + wt[1]*buf[n+j] + wt[2]*buf[2*n+j] + wt[3]*buf[3*n+j]
					}
					items, _ := sub.UserItems(u)
					for _, i := range items {
						seen[i] = true
					}
					top := rankTop(scores, opt.TopN, func(i int32) bool { return seen[i] })
					for _, i := range items {
						seen[i] = false
					}
					sum += score(top, valid[u], opt.TopN).ndcg
				}
				results[ci] = sum / float64(len(users))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, [4]float32{}, err
	}
	best := 0
	for ci := range combos {
		if results[ci] > results[best] {
			best = ci
		}
	}
	return results[best], combos[best], nil
}
