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
// reads for its answers (every film, its director and leading cast, the
// film themes: the set-based queries of loadUniverse), computing and
// writing nothing: the floor any refresh pays.
//
//	go test ./internal/store -run XXX -bench KnowledgeRefresh -benchtime 1x
func BenchmarkKnowledgeRefresh(b *testing.B) {
	s, ctx := openBenchKnowledge(b)
	b.Run("baseline-read", func(b *testing.B) {
		for b.Loop() {
			var films int
			err := s.Transact(ctx, func(tx *sql.Tx) error {
				u, err := loadUniverse(ctx, tx, scope{all: true})
				if err == nil {
					films = len(u.films)
				}
				return err
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
			b.ReportMetric(float64(res.Stored), "stored")
		}
	})
}

// BenchmarkFilmKnowledgeRead is the request-time part on the same
// catalog: one film's answers written from its facts and its stored row,
// cycling through films spread over the catalog.
func BenchmarkFilmKnowledgeRead(b *testing.B) {
	s, ctx := openBenchKnowledge(b)
	var slugs []string
	err := eachRow(ctx, s.read, `SELECT f.slug FROM film_knowledge k JOIN films f ON f.id = k.film_id WHERE k.film_id % 997 = 0 LIMIT 500`, func(r *sql.Rows) error {
		var slug string
		err := r.Scan(&slug)
		slugs = append(slugs, slug)
		return err
	})
	if err != nil || len(slugs) == 0 {
		b.Fatalf("no refreshed films to read (%v): run the refresh benchmark first", err)
	}
	i, answers := 0, 0
	for b.Loop() {
		k, err := s.FilmKnowledge(ctx, slugs[i%len(slugs)])
		if err != nil {
			b.Fatal(err)
		}
		answers += len(k.Answers)
		i++
	}
	b.ReportMetric(float64(answers)/float64(i), "answers/film")
}

// BenchmarkPersonKnowledgeRead is the request-time part of a person's
// answers on the same catalog: "known for" and two "made together", for
// the most-credited person (read from the refresh's row) and for one
// with a handful of credits (read from the credits).
func BenchmarkPersonKnowledgeRead(b *testing.B) {
	s, ctx := openBenchKnowledge(b)
	for _, c := range []struct{ name, q string }{
		{"most-credited", "SELECT slug, credit_count FROM people ORDER BY credit_count DESC LIMIT 1"},
		{"few-credits", "SELECT slug, credit_count FROM people WHERE credit_count BETWEEN 5 AND 10 ORDER BY id LIMIT 1"},
	} {
		var slug string
		var credits int
		if err := s.read.QueryRowContext(ctx, c.q).Scan(&slug, &credits); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.PersonTopFilms(ctx, slug, 4); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Collaborators(ctx, slug, 2); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(credits), "credits")
		})
	}
}

func openBenchKnowledge(b *testing.B) (*Store, context.Context) {
	dsn := os.Getenv("MARQUEE_BENCH_KNOWLEDGE_DB")
	if dsn == "" {
		b.Skip("MARQUEE_BENCH_KNOWLEDGE_DB not set")
	}
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, ctx
}
