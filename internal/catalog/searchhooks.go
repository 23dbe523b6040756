package catalog

import "marquee/internal/search"

// The search package's bulk statements, as variables so tests of this
// package do not depend on what the search engine does with them.
var (
	searchPrepare = search.PrepareSQL
	searchRebuild = search.RebuildSQL
)
