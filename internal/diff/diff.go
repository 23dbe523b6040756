// Package diff compares and merges texts the way a wiki's history does:
// paragraph by paragraph, with changed paragraphs compared word by word,
// and three-way merges of two edits made from one base revision. It is
// pure computation: no database, no HTML.
//
// The comparison is Myers' O(ND) algorithm in its linear-space form, so
// comparing two large, wholly different texts costs time but never more
// memory than the inputs.
package diff

// Op says what happened to a run of tokens between the old text and the new.
type Op int8

// The operations of a Chunk.
const (
	Equal  Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

func (o Op) String() string {
	switch o {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Chunk is a run of tokens with one operation.
type Chunk struct {
	Op     Op
	Tokens []string
}

// Compare returns the chunks that turn a into b: the tokens of the Equal
// and Delete chunks, in order, are a; those of Equal and Insert are b. The
// Equal tokens form a longest common subsequence of a and b. Within a run
// of changes, the Delete chunk comes before the Insert chunk.
func Compare(a, b []string) []Chunk {
	delA, insB := changes(a, b)
	return chunks(a, b, delA, insB)
}

// changes marks the tokens of a that are deleted and those of b that are
// inserted.
func changes(a, b []string) (delA, insB []bool) {
	ids := map[string]int32{}
	intern := func(s []string) []int32 {
		out := make([]int32, len(s))
		for i, t := range s {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	m := &myers{a: intern(a), b: intern(b)}
	m.delA = make([]bool, len(a))
	m.insB = make([]bool, len(b))
	max := len(a) + len(b) + 2
	m.vf = make([]int, 2*max+2)
	m.vb = make([]int, 2*max+2)
	m.compare(0, len(a), 0, len(b))
	return m.delA, m.insB
}

func chunks(a, b []string, delA, insB []bool) []Chunk {
	var out []Chunk
	add := func(op Op, toks []string) {
		if len(toks) == 0 {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Tokens = append(out[n-1].Tokens, toks...)
			return
		}
		out = append(out, Chunk{Op: op, Tokens: append([]string(nil), toks...)})
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		i0 := i
		for i < len(a) && delA[i] {
			i++
		}
		add(Delete, a[i0:i])
		j0 := j
		for j < len(b) && insB[j] {
			j++
		}
		add(Insert, b[j0:j])
		i0, j0 = i, j
		for i < len(a) && j < len(b) && !delA[i] && !insB[j] {
			i++
			j++
		}
		add(Equal, a[i0:i])
		if i == i0 && j == j0 && (i < len(a) || j < len(b)) {
			// Unreachable when the marks are consistent; guard against a
			// loop that makes no progress all the same.
			add(Delete, a[i:])
			add(Insert, b[j:])
			break
		}
	}
	return out
}

// myers holds the state of one comparison: the interned inputs, the marks
// being filled in, and the two diagonal vectors reused by every bisection.
type myers struct {
	a, b       []int32
	delA, insB []bool
	vf, vb     []int
}

// compare marks the differences between a[aLo:aHi] and b[bLo:bHi].
func (m *myers) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && m.a[aLo] == m.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && m.a[aHi-1] == m.b[bHi-1] {
		aHi--
		bHi--
	}
	switch {
	case aLo == aHi:
		for j := bLo; j < bHi; j++ {
			m.insB[j] = true
		}
		return
	case bLo == bHi:
		for i := aLo; i < aHi; i++ {
			m.delA[i] = true
		}
		return
	}
	x, y := m.bisect(aLo, aHi, bLo, bHi)
	if (x == aLo && y == bLo) || (x == aHi && y == bHi) {
		// No split that makes progress (cannot happen after trimming);
		// mark the whole range changed rather than recurse forever.
		for i := aLo; i < aHi; i++ {
			m.delA[i] = true
		}
		for j := bLo; j < bHi; j++ {
			m.insB[j] = true
		}
		return
	}
	m.compare(aLo, x, bLo, y)
	m.compare(x, aHi, y, bHi)
}

// bisect finds a point (x, y) on an optimal edit path through the box
// a[aLo:aHi] × b[bLo:bHi] by running the forward and backward searches
// until they meet.
func (m *myers) bisect(aLo, aHi, bLo, bHi int) (int, int) {
	n, k := aHi-aLo, bHi-bLo
	maxD := (n + k + 1) / 2
	off := maxD + 1
	vf, vb := m.vf[:2*off+1], m.vb[:2*off+1]
	for i := range vf {
		vf[i] = -1
		vb[i] = -1
	}
	vf[off+1], vb[off+1] = 0, 0
	delta := n - k
	odd := delta%2 != 0
	for d := 0; d <= maxD; d++ {
		for kk := -d; kk <= d; kk += 2 {
			var x int
			if kk == -d || (kk != d && vf[off+kk-1] < vf[off+kk+1]) {
				x = vf[off+kk+1]
			} else {
				x = vf[off+kk-1] + 1
			}
			y := x - kk
			for x < n && y < k && m.a[aLo+x] == m.b[bLo+y] {
				x++
				y++
			}
			vf[off+kk] = x
			if odd {
				if kb := delta - kk; kb >= -(d-1) && kb <= d-1 && vb[off+kb] >= 0 && x+vb[off+kb] >= n {
					return aLo + x, bLo + y
				}
			}
		}
		for kk := -d; kk <= d; kk += 2 {
			var x int
			if kk == -d || (kk != d && vb[off+kk-1] < vb[off+kk+1]) {
				x = vb[off+kk+1]
			} else {
				x = vb[off+kk-1] + 1
			}
			y := x - kk
			for x < n && y < k && m.a[aHi-1-x] == m.b[bHi-1-y] {
				x++
				y++
			}
			vb[off+kk] = x
			if !odd {
				if kf := delta - kk; kf >= -d && kf <= d && vf[off+kf] >= 0 && vf[off+kf]+x >= n {
					xf := vf[off+kf]
					return aLo + xf, bLo + xf - kf
				}
			}
		}
	}
	return aLo, bLo
}
