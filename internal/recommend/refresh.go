package recommend

import (
	"context"
	"slices"

	"marquee/internal/store"
)

// With returns a new matrix holding m's ratings and add (a repeated
// (user, item) takes add's stars). Users beyond m.Users are added.
func (m *Matrix) With(add []Triple) *Matrix {
	users := m.Users
	byUser := map[int32][]Triple{}
	for _, t := range add {
		users = max(users, int(t.User)+1)
		byUser[t.User] = append(byUser[t.User], t)
	}
	out := &Matrix{Users: users, Items: m.Items, userPtr: make([]int64, users+1)}
	out.userItems = make([]int32, 0, m.NNZ()+len(add))
	out.userStars = make([]float32, 0, m.NNZ()+len(add))
	for u := 0; u < users; u++ {
		var items []int32
		var stars []float32
		if u < m.Users {
			items, stars = m.UserItems(int32(u))
		}
		extra := byUser[int32(u)]
		if len(extra) == 0 {
			out.userItems = append(out.userItems, items...)
			out.userStars = append(out.userStars, stars...)
		} else {
			row := map[int32]float32{}
			for k, i := range items {
				row[i] = stars[k]
			}
			for _, t := range extra {
				row[t.Item] = t.Stars
			}
			keys := make([]int32, 0, len(row))
			for i := range row {
				keys = append(keys, i)
			}
			slices.Sort(keys)
			for _, i := range keys {
				out.userItems = append(out.userItems, i)
				out.userStars = append(out.userStars, row[i])
			}
		}
		out.userPtr[u+1] = int64(len(out.userItems))
	}
	out.transpose()
	return out
}

// Refresh adds ratings to the model and recomputes only what they touch:
// the collaborative rows of the films rated (their co-occurrence counts
// changed), those films' entries in their neighbours' rows, and the
// blended lists of the films rated. It returns the new lists, keyed by
// film id, for ReplaceSimilar. Other films' lists keep their entries
// until the next full build; only their similarity to a rated film can
// have moved, and it is patched into their collaborative rows.
func (md *Model) Refresh(ctx context.Context, add []Triple) (map[int64][]store.SimilarRow, error) {
	md.Ratings = md.Ratings.With(add)
	set := map[int32]bool{}
	for _, t := range add {
		set[t.Item] = true
	}
	items := sortedItems(set)
	opt := KNNOptions{K: md.opt.Candidates, Shrink: md.opt.Shrink, Workers: md.opt.Workers}
	rows := map[int32][]Scored{}
	err := knnRows(ctx, md.Ratings, opt, items, func(i int32, row []Scored) { rows[i] = row })
	if err != nil {
		return nil, err
	}
	for _, i := range items {
		md.byColl[i] = rows[i]
		for _, s := range rows[i] {
			md.byColl[s.Item] = patch(md.byColl[s.Item], Scored{i, s.Score}, md.opt.Candidates)
		}
	}
	return md.Lists(ctx, items)
}

// patch puts s into the best-first row, replacing an entry for the same
// item, keeping at most k.
func patch(row []Scored, s Scored, k int) []Scored {
	row = slices.DeleteFunc(slices.Clone(row), func(x Scored) bool { return x.Item == s.Item })
	at, _ := slices.BinarySearchFunc(row, s, func(a, b Scored) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	row = slices.Insert(row, at, s)
	return row[:min(len(row), k)]
}
