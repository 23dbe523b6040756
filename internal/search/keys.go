package search

import "strconv"

// Search keys: on SQLite the FTS5 rowid of a document is its search key,
// (16383 - level(pop)) << 40 | kind << 37 | ref, so that matches come in
// popularity order and the rowid alone names the document. Migration
// 0004_search_keys.sql computes the same key in SQL; keys_test.go checks
// that the two agree.
const (
	keyKindShift = 37
	keyRefMask   = 1<<keyKindShift - 1
	keyLevelTop  = 16383
	maxKeyPop    = 9999999999
	// A dossier section's ref is film_id << sectionOrdBits | ord.
	sectionOrdBits = 10
)

// keyLevel is digits(pop) * 1000 + pop's first three digits: it grows
// with pop, to three significant digits.
func keyLevel(pop int64) int64 {
	pop = min(max(pop, 0), maxKeyPop)
	s := strconv.FormatInt(pop, 10)
	lead, _ := strconv.ParseInt(s[:min(3, len(s))], 10, 64)
	return int64(len(s))*1000 + lead
}

// searchKey is the search key of the document of kind (docFilm…) and ref
// with popularity pop: what the triggers of migration 0004 compute.
func searchKey(pop int64, kind int, ref int64) int64 {
	return (keyLevelTop-keyLevel(pop))<<40 | int64(kind)<<keyKindShift | ref
}

// keyKind and keyRef take a key apart.
func keyKind(key int64) int  { return int(key>>keyKindShift) & 7 }
func keyRef(key int64) int64 { return key & keyRefMask }
