package catalog

import (
	"cmp"
	"context"
	"hash/maphash"
	"slices"

	"marquee/internal/store"
)

// slugIndex finds slug clashes without a database index: it keeps a
// 64-bit hash and the row id of every slug (16 bytes a row, where a set of
// the strings would cost five times that), then sorts.
type slugIndex struct {
	seed  maphash.Seed
	rows  []slugRow
	first int64 // ids below this existed before the import
	known int   // rows[:known] are the existing slugs, in id order
}

type slugRow struct {
	hash uint64
	id   int64
}

func newSlugIndex(first int64) *slugIndex {
	return &slugIndex{seed: maphash.MakeSeed(), first: first}
}

func (s *slugIndex) add(slug string, id int64) {
	s.rows = append(s.rows, slugRow{maphash.String(s.seed, slug), id})
}

// loadExisting adds the slugs already in table.
func (s *slugIndex) loadExisting(db *bulkConn, table string) error {
	err := store.BulkSlugs(context.Background(), db, table, func(id int64, slug string) { s.add(slug, id) })
	s.known = len(s.rows)
	return err
}

// holds reports whether the existing row id had one of slugs when the
// import began (by hash: a collision at worst keeps an old slug).
func (s *slugIndex) holds(id int64, slugs []string) bool {
	known := s.rows[:s.known]
	i, ok := slices.BinarySearchFunc(known, id, func(r slugRow, id int64) int { return cmp.Compare(r.id, id) })
	if !ok {
		return true // not loaded (a dry run): nothing to rename
	}
	for _, slug := range slugs {
		if known[i].hash == maphash.String(s.seed, slug) {
			return true
		}
	}
	return false
}

// clashes returns the ids of rows added by this import whose slug is
// taken by a row with a lower id. Lowest id wins, so a slug given by an
// earlier import never changes and the outcome depends only on the input.
func (s *slugIndex) clashes() []int64 {
	slices.SortFunc(s.rows, func(a, b slugRow) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return int(a.id - b.id)
	})
	var out []int64
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].hash == s.rows[i-1].hash && s.rows[i].id >= s.first {
			out = append(out, s.rows[i].id)
		}
	}
	slices.Sort(out)
	return out
}

// dedupeSlugs appends the IMDb id to the slug of every clashing row added
// by this import: "the-room-2003-tt0368226".
func dedupeSlugs(db *bulkConn, table string, s *slugIndex) error {
	if err := db.wait(); err != nil {
		return err
	}
	for _, id := range s.clashes() {
		if err := store.SuffixSlugWithIMDb(context.Background(), db, table, id); err != nil {
			return err
		}
	}
	s.rows = nil
	return nil
}
