package recommend

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// EvalOptions sets the protocol's free parameters.
type EvalOptions struct {
	Split   float64 // share of each user's ratings used for training (0–1), 0.8 by default
	Seed    uint64  // the split's seed; the validation split uses Seed+1
	TopN    int     // the cut-off, 10 by default
	Workers int
	// Progress, when set, is told what is being fitted or measured.
	Progress func(stage string)
}

// ErrNoTestItems is returned when a split leaves nothing to test.
var ErrNoTestItems = errors.New("the split leaves no test items")

// EvalReport is the outcome of one evaluation run.
type EvalReport struct {
	Protocol     string       `json:"protocol"`
	Split        float64      `json:"split"`
	Seed         uint64       `json:"seed"`
	Users        int          `json:"users"`
	Items        int          `json:"items"`
	Ratings      int          `json:"ratings"`
	TrainRatings int          `json:"train_ratings"`
	TestRatings  int          `json:"test_ratings"`
	TestUsers    int          `json:"test_users"`
	Models       []ModelScore `json:"models"`
	Chosen       Chosen       `json:"chosen"`
}

// ModelScore is one model's result on the test split.
type ModelScore struct {
	Name      string  `json:"name"`
	Recall    float64 `json:"recall_at_10"`
	NDCG      float64 `json:"ndcg_at_10"`
	Precision float64 `json:"precision_at_10"`
	Params    string  `json:"params,omitempty"`
	Seconds   float64 `json:"fit_seconds"`
}

// Chosen is what the validation split chose.
type Chosen struct {
	KNNK          int        `json:"knn_k"`
	KNNShrink     float32    `json:"knn_shrink"`
	EASELambda    float64    `json:"ease_lambda,omitempty"`
	BlendWeights  [4]float32 `json:"blend_weights"` // EASE, item-kNN, content, popularity
	ListContentW  float32    `json:"list_content_weight"`
	ValidationNDC float64    `json:"validation_ndcg_at_10"`
}

const protocol = "random per-user split of ratings (train share as given, fixed seed); every rating is implicit feedback; " +
	"full ranking over all items minus the user's training items; Recall@10 = hits/|test| (RecBole's definition), " +
	"NDCG@10 with binary gains and the ideal DCG of min(10,|test|) hits, averaged over users with test items; " +
	"hyperparameters and blend weights chosen on a second split of the training ratings, never on the test ratings"

// Split divides m's ratings per user: of each user's n ratings,
// round(share·n) chosen at random (seeded) go to training and the rest to
// test. A user with one rating keeps it in training.
func Split(m *Matrix, share float64, seed uint64) (*Matrix, [][]int32, error) {
	if !(share > 0 && share < 1) {
		return nil, nil, fmt.Errorf("split %v: want a share between 0 and 1", share)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d61727175656521))
	var train []Triple
	test := make([][]int32, m.Users)
	ntest := 0
	for u := 0; u < m.Users; u++ {
		items, stars := m.UserItems(int32(u))
		perm := rng.Perm(len(items))
		keep := max(int(math.Round(share*float64(len(items)))), 1)
		for k, p := range perm {
			if k < keep {
				train = append(train, Triple{int32(u), items[p], stars[p]})
			} else {
				test[u] = append(test[u], items[p])
			}
		}
		slices.Sort(test[u])
		ntest += len(test[u])
	}
	if ntest == 0 {
		return nil, nil, fmt.Errorf("split %v: %w", share, ErrNoTestItems)
	}
	return NewMatrix(m.Users, m.Items, train), test, nil
}

// metrics averages one ranker's scores over users with test items.
type metrics struct{ recall, ndcg, precision float64 }

func measure(ctx context.Context, r ranker, train *Matrix, test [][]int32, users []int32, topN, workers int) (metrics, error) {
	var (
		next atomic.Int64
		mu   sync.Mutex
		sum  metrics
		n    int
		wg   sync.WaitGroup
	)
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			scores := make([]float32, train.Items)
			seen := make([]bool, train.Items)
			var local metrics
			count := 0
			for ctx.Err() == nil {
				k := next.Add(1) - 1
				if k >= int64(len(users)) {
					break
				}
				u := users[k]
				if len(test[u]) == 0 {
					continue
				}
				items, _ := train.UserItems(u)
				clear(scores)
				r.score(items, scores)
				for _, i := range items {
					seen[i] = true
				}
				top := rankTop(scores, topN, func(i int32) bool { return seen[i] })
				for _, i := range items {
					seen[i] = false
				}
				m := score(top, test[u], topN)
				local.recall += m.recall
				local.ndcg += m.ndcg
				local.precision += m.precision
				count++
			}
			mu.Lock()
			sum.recall += local.recall
			sum.ndcg += local.ndcg
			sum.precision += local.precision
			n += count
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return metrics{}, err
	}
	if n == 0 {
		return metrics{}, ErrNoTestItems
	}
	return metrics{sum.recall / float64(n), sum.ndcg / float64(n), sum.precision / float64(n)}, nil
}

// score computes one user's metrics from their top list and test items.
func score(top []Scored, test []int32, topN int) metrics {
	var hits int
	var dcg, idcg float64
	for r, s := range top {
		if _, ok := slices.BinarySearch(test, s.Item); ok {
			hits++
			dcg += 1 / math.Log2(float64(r)+2)
		}
	}
	for r := 0; r < min(topN, len(test)); r++ {
		idcg += 1 / math.Log2(float64(r)+2)
	}
	return metrics{
		recall:    float64(hits) / float64(len(test)),
		ndcg:      dcg / idcg,
		precision: float64(hits) / float64(topN),
	}
}

func allUsers(test [][]int32) []int32 {
	var out []int32
	for u, t := range test {
		if len(t) > 0 {
			out = append(out, int32(u))
		}
	}
	return out
}

func since(t time.Time) float64 { return math.Round(time.Since(t).Seconds()*1000) / 1000 }
