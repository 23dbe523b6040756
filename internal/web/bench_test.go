package web

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkFilmPage renders the Red Rocket page, dossier and all, through
// the whole handler stack on a real SQLite store.
func BenchmarkFilmPage(b *testing.B) {
	h, _ := newTestHandler(b)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/films/red-rocket-2021", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkFilmPageParallel is the warm film page under concurrent
// requests, as the load test sends them.
func BenchmarkFilmPageParallel(b *testing.B) {
	h, _ := newTestHandler(b)
	b.ReportAllocs()
	b.SetParallelism(32)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/films/red-rocket-2021", nil))
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
		}
	})
}
