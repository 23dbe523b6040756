package web

import (
	"path/filepath"
	"testing"

	"marquee/internal/store/storetest"
)

// onPostgres makes the fixtures open PostgreSQL stores while TestPostgres
// reruns the handler tests.
var onPostgres bool

// testDSN names a fresh database for t: a SQLite file called name, or a
// fresh PostgreSQL schema during TestPostgres.
func testDSN(t testing.TB, name string) string {
	if onPostgres {
		return storetest.PostgresDSN(t)
	}
	return filepath.Join(t.TempDir(), name)
}

// TestPostgres runs the handler tests again on PostgreSQL (where the page
// cache checks each page against its stamps) when
// MARQUEE_TEST_POSTGRES names a server. The browser tests are SQLite's
// alone.
func TestPostgres(t *testing.T) {
	if storetest.PostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	onPostgres = true
	defer func() { onPostgres = false }()
	for name, test := range map[string]func(*testing.T){
		"Pages":              TestPages,
		"WritesRefused":      TestWritesRefused,
		"ConditionalAndGzip": TestConditionalAndGzip,
		"JSONLD":             TestJSONLD,
		"ServerErrorPage":    TestServerErrorPage,
		"Head":               TestHead,
		"Pictures":           TestPictures,
		"CacheSeesWrites":    TestCacheSeesWrites,
		"MemberWriteCache":   TestMemberWriteKeepsOtherPagesCached,
		"SplicesMembers":     TestFilmPageSplicesMembersBlock,
		"NoCacheOption":      TestNoCacheOption,
		"KnowledgePages":     TestKnowledgePages,
		"RenamedFilm":        TestRenamedFilmRedirects,
	} {
		t.Run(name, test)
	}
}
