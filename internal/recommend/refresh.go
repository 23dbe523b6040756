package recommend

import (
	"context"
	"maps"
	"math"
	"slices"

	"marquee/internal/store"
)

// With returns a new matrix holding m's ratings and add (a repeated
// (user, item) takes add's stars; stars of 0 or less remove the rating).
// Users beyond m.Users are added.
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
				if t.Stars > 0 {
					row[t.Item] = t.Stars
				} else {
					delete(row, t.Item)
				}
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
	changed := make([]int32, 0, len(byUser))
	for u := range byUser {
		changed = append(changed, u)
	}
	out.transposeFrom(m, changed)
	return out
}

// itemChange is one user's change to an item's column.
type itemChange struct {
	user  int32
	stars float32
	del   bool
}

// transposeFrom builds out's item side from m's, which differs only in the
// rows of the changed users: unchanged columns are copied as they are, so
// the cost is a copy of the arrays, not a scattered transpose of them.
func (out *Matrix) transposeFrom(m *Matrix, changed []int32) {
	per := map[int32][]itemChange{}
	for _, u := range changed {
		var oi []int32
		var os []float32
		if int(u) < m.Users {
			oi, os = m.UserItems(u)
		}
		ni, ns := out.UserItems(u)
		for a, b := 0, 0; a < len(oi) || b < len(ni); {
			switch {
			case b == len(ni) || a < len(oi) && oi[a] < ni[b]:
				per[oi[a]] = append(per[oi[a]], itemChange{user: u, del: true})
				a++
			case a == len(oi) || ni[b] < oi[a]:
				per[ni[b]] = append(per[ni[b]], itemChange{user: u, stars: ns[b]})
				b++
			default:
				if os[a] != ns[b] {
					per[ni[b]] = append(per[ni[b]], itemChange{user: u, stars: ns[b]})
				}
				a++
				b++
			}
		}
	}
	out.itemPtr = make([]int64, out.Items+1)
	out.itemUsers = make([]int32, 0, len(out.userItems))
	out.itemStars = make([]float32, 0, len(out.userItems))
	for i := range int32(out.Items) {
		users, stars := m.ItemUsers(i)
		ch := per[i]
		if len(ch) == 0 {
			out.itemUsers = append(out.itemUsers, users...)
			out.itemStars = append(out.itemStars, stars...)
		} else {
			slices.SortFunc(ch, func(a, b itemChange) int { return int(a.user - b.user) })
			k := 0
			for x, u := range users {
				for k < len(ch) && ch[k].user < u {
					out.itemUsers = append(out.itemUsers, ch[k].user)
					out.itemStars = append(out.itemStars, ch[k].stars)
					k++
				}
				switch {
				case k < len(ch) && ch[k].user == u:
					if !ch[k].del {
						out.itemUsers = append(out.itemUsers, u)
						out.itemStars = append(out.itemStars, ch[k].stars)
					}
					k++
				default:
					out.itemUsers = append(out.itemUsers, u)
					out.itemStars = append(out.itemStars, stars[x])
				}
			}
			for ; k < len(ch); k++ {
				out.itemUsers = append(out.itemUsers, ch[k].user)
				out.itemStars = append(out.itemStars, ch[k].stars)
			}
		}
		out.itemPtr[i+1] = int64(len(out.itemUsers))
	}
}

// exactRowCost is the most work (row entries read, Σ over the film's
// raters of their number of ratings) a refresh spends recomputing one
// film's collaborative row; a costlier film's row is patched instead.
// Such films have thousands of raters (the catalog's most popular), so a
// few new ratings move their co-rating counts by a few in thousands.
const exactRowCost = 2_000_000

// Refresh adds ratings to the model (stars of 0 remove one) and
// recomputes only what they touch: the collaborative rows of the films
// rated, those films' entries in their neighbours' rows, and the blended
// lists of the films rated and of the films whose co-rating reasons
// count the users who rated them. It returns the new lists, keyed by film id,
// for ReplaceSimilar.
//
// A rated film's row is recomputed exactly when that costs at most
// exactRowCost; a costlier film's row is patched: the co-rating count of
// each film already in it moves by the new raters who rated both (exact),
// every score takes the new rating counts, and the row is re-sorted. A
// film outside its stored row that the new ratings would lift into it is
// found by the next full build; one new rating moves a count by one. Other
// films' lists keep their entries until the next full build; only their
// similarity to a rated film can have moved, and it is patched into their
// collaborative rows.
func (md *Model) Refresh(ctx context.Context, add []Triple) (map[int64][]store.SimilarRow, error) {
	old := md.Ratings
	md.Ratings = old.With(add)
	set := map[int32]bool{}
	for _, t := range add {
		set[t.Item] = true
	}
	items := sortedItems(set)
	var exact []int32
	patched := map[int32][]Scored{}
	for _, i := range items {
		if md.Ratings.rowCost(i) <= md.exactCost {
			exact = append(exact, i)
		} else {
			patched[i] = md.patchRow(old, i, add)
		}
	}
	opt := KNNOptions{K: md.opt.Candidates, Shrink: md.opt.Shrink, Workers: md.opt.Workers}
	rows := patched
	err := knnRows(ctx, md.Ratings, opt, exact, func(i int32, row []Scored) { rows[i] = row })
	if err != nil {
		return nil, err
	}
	for _, i := range items {
		md.byColl[i] = rows[i]
	}
	for _, i := range items {
		for _, s := range rows[i] {
			if !set[s.Item] {
				md.byColl[s.Item] = patch(md.byColl[s.Item], Scored{i, s.Score}, md.opt.Candidates)
			}
		}
	}
	return md.Lists(ctx, md.touchedLists(old, add, set))
}

// touchedLists returns the films whose lists the changes in add move:
// the films rated (set), and every film a changed user rated HighStars or
// more, before or after, that lists a film they rated — its co-rating
// reason counts that user.
func (md *Model) touchedLists(old *Matrix, add []Triple, set map[int32]bool) []int32 {
	out := maps.Clone(set)
	for _, t := range add {
		for _, m := range []*Matrix{old, md.Ratings} {
			if int(t.User) >= m.Users {
				continue
			}
			items, stars := m.UserItems(t.User)
			for k, j := range items {
				if stars[k] >= HighStars && !out[j] && (lists(md.byColl[j], t.Item) || lists(md.byCont[j], t.Item)) {
					out[j] = true
				}
			}
		}
	}
	return sortedItems(out)
}

// lists reports whether row holds item i.
func lists(row []Scored, i int32) bool {
	for _, s := range row {
		if s.Item == i {
			return true
		}
	}
	return false
}

// rowCost is the work of computing item i's collaborative row: the
// number of ratings of everyone who rated it.
func (m *Matrix) rowCost(i int32) int64 {
	users, _ := m.ItemUsers(i)
	var n int64
	for _, u := range users {
		n += m.userPtr[u+1] - m.userPtr[u]
	}
	return n
}

// patchRow returns item i's collaborative row moved from old to the
// model's ratings by the changes in add: each entry's co-rating count
// (recovered from its score under old's counts) gains the users who now
// rate both and loses those who no longer do.
func (md *Model) patchRow(old *Matrix, i int32, add []Triple) []Scored {
	m, sh := md.Ratings, md.opt.Shrink
	row := md.byColl[i]
	counts := make(map[int32]float64, len(row))
	for _, s := range row {
		counts[s.Item] = math.Round(float64(s.Score) * (math.Sqrt(float64(old.ItemCount(i))*float64(old.ItemCount(s.Item))) + float64(sh)))
	}
	// Every user whose ratings changed: what they co-rate with i before
	// and after, over the entries of the row.
	users := map[int32]bool{}
	for _, t := range add {
		users[t.User] = true
	}
	for u := range users {
		before := rated(old, u, i)
		after := rated(m, u, i)
		for j := range counts {
			b := before && rated(old, u, j)
			a := after && rated(m, u, j)
			switch {
			case a && !b:
				counts[j]++
			case b && !a:
				counts[j]--
			}
		}
	}
	top := newTopK(md.opt.Candidates)
	ni := math.Sqrt(float64(m.ItemCount(i)))
	for j, c := range counts {
		if c > 0 {
			top.push(Scored{j, float32(c / (ni*math.Sqrt(float64(m.ItemCount(j))) + float64(sh)))})
		}
	}
	return top.sorted()
}

// rated reports whether user u rated item i in m.
func rated(m *Matrix, u, i int32) bool {
	if int(u) >= m.Users {
		return false
	}
	items, _ := m.UserItems(u)
	_, ok := slices.BinarySearch(items, i)
	return ok
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
