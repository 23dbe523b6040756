package search

import (
	"context"
	"testing"

	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// onPostgres makes demoEngine and testCatalog hand out PostgreSQL stores
// while TestPostgres reruns the suite; pgCatalog is its shared catalog.
var (
	onPostgres bool
	pgCatalog  *store.Store
)

// TestPostgres runs the search tests again (all but SQLite's candidate
// internals) on PostgreSQL, whose path
// (tsvector and pg_trgm over expression indexes) shares only ranking with
// SQLite's, when MARQUEE_TEST_POSTGRES names a server.
func TestPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if dsn == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := buildCatalog(ctx, st); err != nil {
		t.Fatal(err)
	}
	pgCatalog, onPostgres = st, true
	defer func() { pgCatalog, onPostgres = nil, false }()
	for name, test := range map[string]func(*testing.T){
		"IndexFollowsWrites": TestIndexFollowsWrites,
		"DossierSnippet":     TestDossierSnippet,
		"FacetsAndFilters":   TestFacetsAndFilters,
		"Suggest":            TestSuggest,
		"BadInput":           TestBadInput,
		"Relevance":          TestRelevance,
	} {
		t.Run(name, test)
	}
}
