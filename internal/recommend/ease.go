package recommend

import (
	"context"
	"fmt"
	"sync"
)

// EASE is Steck's EASE^R (2019): a dense item × item weight matrix B with
// a zero diagonal fitted in closed form, B = I − P·diag(1/diag(P)) where
// P = (XᵀX + λI)⁻¹ for the binary user × item matrix X. A user's score
// for item j is Σ over their items i of B[i][j]. Dense, so for catalogs
// of thousands of items (MovieLens 100K and 1M), not the full catalog.
type EASE struct {
	n int
	b []float32 // row-major n × n
}

// MaxEASEItems bounds the items EASE is fitted on (n² floats, n³ work).
const MaxEASEItems = 8000

// FitEASE fits EASE^R on m with regularisation lambda.
func FitEASE(ctx context.Context, m *Matrix, lambda float64, workers int) (*EASE, error) {
	n := m.Items
	if n > MaxEASEItems {
		return nil, fmt.Errorf("EASE: %d items is more than %d", n, MaxEASEItems)
	}
	g := make([]float64, n*n)
	for u := 0; u < m.Users; u++ {
		items, _ := m.UserItems(int32(u))
		for _, i := range items {
			row := g[int(i)*n:]
			for _, j := range items {
				row[j]++
			}
		}
	}
	for i := 0; i < n; i++ {
		g[i*n+i] += lambda
	}
	if err := invertSPD(ctx, g, n, workers); err != nil {
		return nil, err
	}
	e := &EASE{n: n, b: make([]float32, n*n)}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				e.b[i*n+j] = float32(-g[i*n+j] / g[j*n+j])
			}
		}
	}
	return e, nil
}

// Score adds user's scores for every item into out (len n).
func (e *EASE) Score(items []int32, out []float32) {
	for _, i := range items {
		row := e.b[int(i)*e.n : int(i+1)*e.n]
		for j, w := range row {
			out[j] += w
		}
	}
}

// invertSPD inverts the symmetric positive-definite n × n matrix a in
// place by Gauss–Jordan elimination, which needs no pivoting for such
// matrices; rows are updated in parallel.
func invertSPD(ctx context.Context, a []float64, n, workers int) error {
	workers = max(workers, 1)
	pivot := make([]float64, n)
	for k := 0; k < n; k++ {
		if k%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		p := a[k*n+k]
		if p <= 0 {
			return fmt.Errorf("EASE: the Gram matrix is not positive definite (pivot %d)", k)
		}
		rk := a[k*n : (k+1)*n]
		rk[k] = 1
		for j := range rk {
			rk[j] /= p
		}
		copy(pivot, rk)
		var wg sync.WaitGroup
		chunk := (n + workers - 1) / workers
		for w := 0; w < workers; w++ {
			lo, hi := w*chunk, min((w+1)*chunk, n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					if i == k {
						continue
					}
					ri := a[i*n : (i+1)*n]
					f := ri[k]
					if f == 0 {
						continue
					}
					ri[k] = 0
					axpy(ri, pivot, f)
				}
			}()
		}
		wg.Wait()
	}
	return nil
}

// axpy sets y −= f·x, four at a time.
func axpy(y, x []float64, f float64) {
	n := len(x)
	y = y[:n]
	j := 0
	for ; j+4 <= n; j += 4 {
		y[j] -= f * x[j]
		y[j+1] -= f * x[j+1]
		y[j+2] -= f * x[j+2]
		y[j+3] -= f * x[j+3]
	}
	for ; j < n; j++ {
		y[j] -= f * x[j]
	}
}
