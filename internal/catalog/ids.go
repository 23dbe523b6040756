package catalog

// idTable maps IMDb identifier numbers (the 368226 of tt0368226) to row
// ids. It is a dense slice indexed by the number: four bytes per possible
// number, so about 160 MB at the real IMDb's highest title number and no
// per-entry overhead, where a Go map of ten million entries would cost
// several times that.
type idTable struct {
	ids  []uint32
	seen []uint64 // numbers met in this import's input, to catch duplicates
}

func (t *idTable) get(n uint32) int64 {
	if int(n) < len(t.ids) {
		return int64(t.ids[n])
	}
	return 0
}

func (t *idTable) set(n uint32, id int64) {
	if int(n) >= len(t.ids) {
		t.ids = grow(t.ids, int(n)+1)
	}
	t.ids[n] = uint32(id)
}

// markSeen records n as met in this import and reports whether it had
// already been met.
func (t *idTable) markSeen(n uint32) bool {
	w := int(n / 64)
	if w >= len(t.seen) {
		t.seen = grow(t.seen, w+1)
	}
	bit := uint64(1) << (n % 64)
	dup := t.seen[w]&bit != 0
	t.seen[w] |= bit
	return dup
}

// grow extends s to at least n elements, doubling to amortise copies.
func grow[T any](s []T, n int) []T {
	if n <= cap(s) {
		return s[:n]
	}
	out := make([]T, n, max(n, 2*cap(s)))
	copy(out, s)
	return out
}
