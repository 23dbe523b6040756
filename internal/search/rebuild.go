package search

import (
	"context"

	"marquee/internal/store"
)

// The SQL that suspends and rebuilds the search index around a bulk load
// belongs to the store (internal/store/search_upkeep.go), next to the
// schema it replays; these are the search package's entry points to it.

// Bulk runs load with per-row search upkeep suspended and rebuilds the
// index afterwards, most popular first. For loaders that write through
// the store (migrate-store); the catalog importers suspend and resume in
// their own transaction.
func Bulk(ctx context.Context, st *store.Store, load func(ctx context.Context) error) error {
	return st.SearchBulk(ctx, load)
}

// Rebuild rebuilds every search index from the catalog tables.
func Rebuild(ctx context.Context, st *store.Store) error {
	return st.RebuildSearch(ctx)
}
