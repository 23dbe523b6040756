package recommend

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"marquee/internal/store"
)

// Options tunes how similar lists are built.
type Options struct {
	K             int     // similar films stored per film
	Candidates    int     // neighbours per signal considered for the blend
	ContentWeight float32 // blend = w·content + (1−w)·collaborative
	Shrink        float32 // item-kNN cosine shrinkage
	MaxCast       int     // top-billed cast members used as features
	Workers       int
	// Progress, when set, is told each stage and how far it got.
	Progress func(stage string, done, total int)
}

// DefaultContentWeight is the blend weight of the content signal in the
// stored lists. It was chosen by `marquee eval recommend` on the
// validation split of the generated MovieLens-100K-shaped set (see
// docs/benchmarks.md), where content and collaborative lists were
// blended the way the stored lists are.
const DefaultContentWeight = 0.1

// DefaultOptions returns the options the CLI and server use.
func DefaultOptions() Options {
	return Options{K: 30, Candidates: 50, ContentWeight: DefaultContentWeight, Shrink: 10, MaxCast: 10, Workers: 2}
}

func (o Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// Model is everything the similar lists are computed from, in memory:
// each film's features, the ratings matrix over the same item indexes,
// and both signals' neighbour lists.
type Model struct {
	Films   []store.FilmFeatures // item i is Films[i]
	Index   map[int64]int32      // film id → item
	Users   map[string]int32     // person key → user row
	Ratings *Matrix
	content *Content
	byCont  Neighbours
	byColl  Neighbours
	opt     Options
	// exactCost is the costliest collaborative row Refresh recomputes
	// (exactRowCost; tests lower it to exercise the patch).
	exactCost int64
}

// NewModel builds the signals over films and ratings (users and items as
// in m; m.Items must equal len(films)).
func NewModel(ctx context.Context, films []store.FilmFeatures, m *Matrix, opt Options) (*Model, error) {
	md := &Model{Films: films, Index: make(map[int64]int32, len(films)), Ratings: m, opt: opt, exactCost: exactRowCost}
	for i, f := range films {
		md.Index[f.ID] = int32(i)
	}
	opt.progress("content", 0, len(films))
	md.content = NewContent(films)
	var err error
	md.byCont, err = md.content.Neighbours(ctx, ContentOptions{K: opt.Candidates, MaxDF: maxDF(len(films)), Workers: opt.Workers})
	if err != nil {
		return nil, err
	}
	opt.progress("content", len(films), len(films))
	md.byColl, err = ItemKNN(ctx, m, KNNOptions{K: opt.Candidates, Shrink: opt.Shrink, Workers: opt.Workers,
		Progress: func(d int) { opt.progress("collaborative", d, len(films)) }})
	if err != nil {
		return nil, err
	}
	return md, nil
}

// maxDF is the document frequency above which a feature proposes no
// candidates: a twentieth of the catalog (a genre, a decade), but never
// below 50, so a small catalog compares everything.
func maxDF(films int) int { return max(50, films/20) }

// LoadModel reads the catalog's features and ratings from st and builds
// the model.
func LoadModel(ctx context.Context, st *store.Store, opt Options) (*Model, error) {
	films, err := st.RecommendFeatures(ctx, opt.MaxCast)
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int32, len(films))
	for i, f := range films {
		index[f.ID] = int32(i)
	}
	users := map[string]int32{}
	var ts []Triple
	err = st.EachRating(ctx, func(r store.Rating) error {
		item, ok := index[r.FilmID]
		if !ok {
			return nil // a film added since the features were read
		}
		u, ok := users[r.User]
		if !ok {
			u = int32(len(users))
			users[r.User] = u
		}
		ts = append(ts, Triple{u, item, float32(r.Stars)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	md, err := NewModel(ctx, films, NewMatrix(len(users), len(films), ts), opt)
	if err != nil {
		return nil, err
	}
	md.Users = users
	return md, nil
}

// Lists computes the lists of the given items (all when items is nil),
// keyed by film id.
func (md *Model) Lists(ctx context.Context, items []int32) (map[int64][]store.SimilarRow, error) {
	if items == nil {
		items = make([]int32, len(md.Films))
		for i := range items {
			items[i] = int32(i)
		}
	}
	rows := make([][]store.SimilarRow, len(items))
	var (
		next, done atomic.Int64
		wg         sync.WaitGroup
	)
	for range max(md.opt.Workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := md.newLister()
			for ctx.Err() == nil {
				n := next.Add(1) - 1
				if n >= int64(len(items)) {
					return
				}
				rows[n] = l.list(items[n])
				if d := done.Add(1); d%1024 == 0 {
					md.opt.progress("lists", int(d), len(items))
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	md.opt.progress("lists", len(items), len(items))
	out := make(map[int64][]store.SimilarRow, len(items))
	for n, i := range items {
		out[md.Films[i].ID] = rows[n]
	}
	return out, nil
}

// Stats says what a build did.
type Stats struct {
	Films   int `json:"films"`
	Ratings int `json:"ratings"`
	Users   int `json:"users"`
	Rows    int `json:"rows"` // similar-list entries stored
}

// Rebuild recomputes every film's similar list from st and stores them,
// replacing what was there, in one transaction. The queued member rating
// changes it read are cleared: the lists hold them.
func Rebuild(ctx context.Context, st *store.Store, opt Options) (Stats, error) {
	_, stats, err := rebuild(ctx, st, opt)
	return stats, err
}

func rebuild(ctx context.Context, st *store.Store, opt Options) (*Model, Stats, error) {
	queued, err := st.RatingChangesPosition(ctx)
	if err != nil {
		return nil, Stats{}, err
	}
	md, err := LoadModel(ctx, st, opt)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("build similar lists: %w", err)
	}
	lists, err := md.Lists(ctx, nil)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("build similar lists: %w", err)
	}
	opt.progress("store", 0, len(lists))
	if err := st.ReplaceSimilar(ctx, lists, true); err != nil {
		return nil, Stats{}, fmt.Errorf("build similar lists: %w", err)
	}
	opt.progress("store", len(lists), len(lists))
	if queued > 0 {
		if err := st.ClearRatingChanges(ctx, queued); err != nil {
			return nil, Stats{}, err
		}
	}
	stats := Stats{Films: len(md.Films), Ratings: md.Ratings.NNZ(), Users: md.Ratings.Users}
	for _, l := range lists {
		stats.Rows += len(l)
	}
	return md, stats, nil
}

// userRow returns the matrix row of the person key, giving a person new
// to the model the next row.
func (md *Model) userRow(key string) int32 {
	if md.Users == nil {
		md.Users = map[string]int32{}
	}
	u, ok := md.Users[key]
	if !ok {
		u = int32(max(len(md.Users), md.Ratings.Users))
		md.Users[key] = u
	}
	return u
}

// sortedItems returns the keys of set, ascending.
func sortedItems(set map[int32]bool) []int32 {
	out := make([]int32, 0, len(set))
	for i := range set {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}
