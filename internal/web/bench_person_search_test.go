package web

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkPersonSearchBig renders, without the page cache, the pages
// issue 18 found slow on the catalog named by MARQUEE_BENCH_DB (the 1 M
// catalog): the person with the most credits (thousands), one with about
// a hundred, a search for a common word with its facets, and a film list
// with a broad filter and its facets. The paths name people of the
// generated catalog in /work/bench-data; a path the catalog lacks fails.
func BenchmarkPersonSearchBig(b *testing.B) {
	st, _ := openBenchDB(b, 1)
	s, err := New(st, discardLog(), Options{NoCache: true, BaseURL: "https://films.example.org"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := s.Handler()
	for _, bc := range []struct{ name, path string }{
		{"person-6624-credits", "/people/skoutouwo-quageakaex"},
		{"person-132-credits", "/people/drameatrirt-daepyx"},
		{"search-the", "/search?q=the"},
		{"search-man-drama", "/search?q=man&genre=Drama"},
		{"films-drama", "/films?genre=Drama"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", bc.path, nil))
				if rec.Code != 200 {
					b.Fatal(bc.path, rec.Code)
				}
			}
		})
	}
}
