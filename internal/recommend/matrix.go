// Package recommend finds films similar to a film and films to recommend
// to a person, and measures both with the offline protocol of the
// recommender-systems literature.
//
// Similarity has two signals. The content signal compares what the
// catalog knows about two films (directors, writers, cast weighted by
// billing, genres, themes, places, era, MovieLens tags) as IDF-weighted
// cosine. The collaborative signal is item-to-item cosine over who rated
// what (all ratings as implicit feedback), with shrinkage. Both are
// computed for every film as a sparse top-K list, blended, and stored
// with reasons in words that are computed from the same data, so every
// reason is true. A person's recommendations sum the stored lists of the
// films they rated.
//
// Items are dense int32 indexes 0..n-1 throughout; callers map them to
// film ids.
package recommend

import (
	"slices"
)

// Matrix is a sparse users × items matrix of ratings in compressed-row
// form, with its transpose, so both "what did u rate" and "who rated i"
// are slices.
type Matrix struct {
	Users, Items int
	// userPtr[u]..userPtr[u+1] index userItems/userStars, items ascending.
	userPtr   []int64
	userItems []int32
	userStars []float32
	// itemPtr[i]..itemPtr[i+1] index itemUsers, users ascending.
	itemPtr   []int64
	itemUsers []int32
	itemStars []float32
}

// Triple is one rating: user, item and stars.
type Triple struct {
	User, Item int32
	Stars      float32
}

// NewMatrix builds a matrix from triples. A user's repeated rating of an
// item keeps the last one.
func NewMatrix(users, items int, ts []Triple) *Matrix {
	m := &Matrix{Users: users, Items: items}
	counts := make([]int64, users+1)
	for _, t := range ts {
		counts[t.User+1]++
	}
	for u := 1; u <= users; u++ {
		counts[u] += counts[u-1]
	}
	m.userPtr = slices.Clone(counts)
	m.userItems = make([]int32, len(ts))
	m.userStars = make([]float32, len(ts))
	next := counts[:users]
	for _, t := range ts {
		p := next[t.User]
		m.userItems[p] = t.Item
		m.userStars[p] = t.Stars
		next[t.User]++
	}
	m.sortAndDedupeRows()
	m.transpose()
	return m
}

// sortAndDedupeRows sorts each user's row by item and drops repeats
// (keeping the last rating), compacting the arrays.
func (m *Matrix) sortAndDedupeRows() {
	w := int64(0)
	type pair struct {
		item  int32
		stars float32
		ord   int
	}
	var buf []pair
	for u := 0; u < m.Users; u++ {
		lo, hi := m.userPtr[u], m.userPtr[u+1]
		buf = buf[:0]
		for p := lo; p < hi; p++ {
			buf = append(buf, pair{m.userItems[p], m.userStars[p], int(p)})
		}
		slices.SortFunc(buf, func(a, b pair) int {
			if a.item != b.item {
				return int(a.item - b.item)
			}
			return a.ord - b.ord
		})
		m.userPtr[u] = w
		for k, x := range buf {
			if k+1 < len(buf) && buf[k+1].item == x.item {
				continue
			}
			m.userItems[w] = x.item
			m.userStars[w] = x.stars
			w++
		}
	}
	m.userPtr[m.Users] = w
	m.userItems = m.userItems[:w:w]
	m.userStars = m.userStars[:w:w]
}

func (m *Matrix) transpose() {
	m.itemPtr = make([]int64, m.Items+1)
	for _, i := range m.userItems {
		m.itemPtr[i+1]++
	}
	for i := 1; i <= m.Items; i++ {
		m.itemPtr[i] += m.itemPtr[i-1]
	}
	m.itemUsers = make([]int32, len(m.userItems))
	m.itemStars = make([]float32, len(m.userItems))
	next := slices.Clone(m.itemPtr[:m.Items])
	for u := 0; u < m.Users; u++ {
		for p := m.userPtr[u]; p < m.userPtr[u+1]; p++ {
			i := m.userItems[p]
			m.itemUsers[next[i]] = int32(u)
			m.itemStars[next[i]] = m.userStars[p]
			next[i]++
		}
	}
}

// NNZ returns the number of ratings.
func (m *Matrix) NNZ() int { return len(m.userItems) }

// UserItems returns the items u rated, ascending, and their stars.
func (m *Matrix) UserItems(u int32) ([]int32, []float32) {
	lo, hi := m.userPtr[u], m.userPtr[u+1]
	return m.userItems[lo:hi], m.userStars[lo:hi]
}

// ItemUsers returns the users who rated i, ascending, and their stars.
func (m *Matrix) ItemUsers(i int32) ([]int32, []float32) {
	lo, hi := m.itemPtr[i], m.itemPtr[i+1]
	return m.itemUsers[lo:hi], m.itemStars[lo:hi]
}

// ItemCount returns how many users rated i.
func (m *Matrix) ItemCount(i int32) int { return int(m.itemPtr[i+1] - m.itemPtr[i]) }

// Triples returns the matrix's ratings.
func (m *Matrix) Triples() []Triple {
	out := make([]Triple, 0, m.NNZ())
	for u := 0; u < m.Users; u++ {
		items, stars := m.UserItems(int32(u))
		for k, i := range items {
			out = append(out, Triple{int32(u), i, stars[k]})
		}
	}
	return out
}
