package search

import (
	"context"
	"errors"
	"testing"
)

// FuzzSearch: whatever the query, Search and Suggest answer without
// panicking, and the only error they return is ErrBadQuery (never an
// FTS5 syntax error). Seeds are in testdata/fuzz/FuzzSearch.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"sean bakr", "red roc", `"`, "NEAR(a b, 2)", "a* OR -b", "x:y", "((", "\xff", "ｒｅｄ", "2021"} {
		f.Add(s)
	}
	e := New(testCatalog(f))
	f.Fuzz(func(t *testing.T, q string) {
		ctx := context.Background()
		res, err := e.Search(ctx, Query{Text: q})
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if err == nil && (res.Results == nil || res.Facets == nil) {
			t.Fatalf("Search(%q): nil results", q)
		}
		if _, err := e.Suggest(ctx, q, 8); err != nil && !errors.Is(err, ErrBadQuery) {
			t.Fatalf("Suggest(%q): %v", q, err)
		}
	})
}
