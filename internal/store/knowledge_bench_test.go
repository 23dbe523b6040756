package store

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

// BenchmarkKnowledgeRefresh recomputes themes and answers for a whole
// catalog — the 1 M-title one of `marquee dev gen-imdb --scale 1` imported
// with --types all — named by MARQUEE_BENCH_KNOWLEDGE_DB (skipped
// without it). The baseline in the same run only reads what the refresh
// reads for its answers (films and their credits with names, in the same
// batches), writing nothing: the floor any refresh pays.
//
//	go test ./internal/store -run XXX -bench KnowledgeRefresh -benchtime 1x
func BenchmarkKnowledgeRefresh(b *testing.B) {
	dsn := os.Getenv("MARQUEE_BENCH_KNOWLEDGE_DB")
	if dsn == "" {
		b.Skip("MARQUEE_BENCH_KNOWLEDGE_DB not set")
	}
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("baseline-read", func(b *testing.B) {
		for b.Loop() {
			films := 0
			err := s.Transact(ctx, func(tx *sql.Tx) error {
				for after := int64(-1); ; {
					batch, err := readFilmBatch(ctx, tx, scope{all: true}, after)
					if err != nil || len(batch) == 0 {
						return err
					}
					after = batch[len(batch)-1].Film.ID
					if _, err := readCreditBatch(ctx, tx, scope{all: true}, batch); err != nil {
						return err
					}
					films += len(batch)
				}
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(films), "films")
		}
	})
	b.Run("refresh", func(b *testing.B) {
		for b.Loop() {
			res, err := s.RefreshKnowledge(ctx, RefreshOptions{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(res.Films), "films")
			b.ReportMetric(float64(res.Answers), "answers")
		}
	})
}
