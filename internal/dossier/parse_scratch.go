package dossier

import "sync"

// scratch keeps the working slices of one Parse — the lines, the
// scanner's blocks, the units and their words — for the next call, so
// that an import of many articles does not allocate (and collect) them
// for each one. What goes back is cleared first: a slice kept here holds
// no string of an article already parsed.
type scratch[T any] struct{ pool sync.Pool }

// maxScratch is the most elements a slice may hold to be kept: the
// working set of one very long article is not held for the small ones
// after it.
const maxScratch = 1 << 14

// get returns an empty slice with room for at least n elements.
func (s *scratch[T]) get(n int) []T {
	if p, ok := s.pool.Get().(*[]T); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]T, 0, n)
}

// put clears b up to its capacity and keeps it for a later get. b must
// be a slice get returned (or grown from one by append), no longer used.
func (s *scratch[T]) put(b []T) {
	if cap(b) == 0 || cap(b) > maxScratch {
		return
	}
	b = b[:cap(b)]
	clear(b)
	s.pool.Put(&b)
}

var (
	blockScratch scratch[block]
	unitScratch  scratch[unit]
	wordScratch  scratch[word]
	lineScratch  scratch[string]
)
