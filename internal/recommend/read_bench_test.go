package recommend_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"marquee/internal/recommend"
	"marquee/internal/store"
)

// BenchmarkReads measures answering from the stored lists on SQLite:
// a film's 12 similar films, and 20 recommendations for a member with
// 200 ratings, over 20,000 films with 30 stored neighbours each. The
// baseline in the same run is reading one film (GetFilm), what every
// film page already does. It reports p50 and p99 in milliseconds.
//
//	go test -run XXX -bench BenchmarkReads -benchtime 2000x ./internal/recommend
func BenchmarkReads(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const films = 20000
	rng := rand.New(rand.NewPCG(1, 1))
	err = st.Transact(ctx, func(tx *sql.Tx) error {
		for i := 1; i <= films; i++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO films (id, slug, title, year, imdb_id) VALUES ($1, $2, $3, $4, $5)`,
				i, "film-"+strconv.Itoa(i), "Film "+strconv.Itoa(i), 1950+i%70, fmt.Sprintf("tt%07d", i)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO users (id, username) VALUES (1, 'bench')`); err != nil {
			return err
		}
		for _, i := range rng.Perm(films)[:200] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO member_films (user_id, film_id, rating) VALUES (1, $1, $2)`,
				i+1, 1+rng.IntN(10)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	lists := map[int64][]store.SimilarRow{}
	for i := 1; i <= films; i++ {
		row := make([]store.SimilarRow, 30)
		for k := range row {
			row[k] = store.SimilarRow{OtherID: int64(1 + rng.IntN(films)), Score: 1 / float64(k+1),
				Reasons: []string{"also directed by Someone Else", "shares themes: class, ambition"}}
		}
		lists[int64(i)] = row
	}
	if err := st.ReplaceSimilar(ctx, lists, true); err != nil {
		b.Fatal(err)
	}
	var base, similar, picks []time.Duration
	for b.Loop() {
		slug := "film-" + strconv.Itoa(1+rng.IntN(films))
		t0 := time.Now()
		if _, err := st.GetFilm(ctx, slug); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, _, err := st.SimilarFilms(ctx, slug, 12); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if _, err := recommend.ForPerson(ctx, st, "bench", 20); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		base = append(base, t1.Sub(t0))
		similar = append(similar, t2.Sub(t1))
		picks = append(picks, t3.Sub(t2))
	}
	for _, m := range []struct {
		name string
		d    []time.Duration
	}{{"getfilm", base}, {"similar", similar}, {"recommend", picks}} {
		slices.Sort(m.d)
		b.ReportMetric(ms(m.d[len(m.d)/2]), m.name+"_p50_ms")
		b.ReportMetric(ms(m.d[len(m.d)*99/100]), m.name+"_p99_ms")
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
