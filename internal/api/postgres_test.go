package api

import (
	"path/filepath"
	"testing"

	"marquee/internal/store/storetest"
)

// onPostgres makes newTestAPI open a PostgreSQL store while TestPostgres
// reruns the API tests.
var onPostgres bool

func testDSN(t *testing.T) string {
	if onPostgres {
		return storetest.PostgresDSN(t)
	}
	return filepath.Join(t.TempDir(), "api.db")
}

// TestPostgres runs the API tests again on PostgreSQL when
// MARQUEE_TEST_POSTGRES names a server.
func TestPostgres(t *testing.T) {
	if storetest.PostgresDSN(t) == "" {
		t.Skip(storetest.EnvPostgres + " not set")
	}
	onPostgres = true
	defer func() { onPostgres = false }()
	for name, test := range map[string]func(*testing.T){
		"ResponsesMatchOpenAPI": TestResponsesMatchOpenAPI,
		"FilmJSON":              TestFilmJSON,
		"CursorPagination":      TestCursorPagination,
		"ErrorsAreJSON":         TestErrorsAreJSON,
		"MemberWrites":          TestMemberWritesMatchOpenAPI,
		"ListRoutes":            TestListRoutes,
		"DiaryAndReviewEdits":   TestDiaryAndReviewEdits,
		"ProfileFollows":        TestProfileFollowsAndPrivacy,
		"LetterboxdRoundTrip":   TestLetterboxdRoundTripOverAPI,
		"IMDbRoundTrip":         TestIMDbRoundTripOverAPI,
		"ImportRefusals":        TestImportRefusals,
		"ImportPendingRows":     TestImportFilesPendingRows,
	} {
		t.Run(name, test)
	}
}
