package store

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"marquee/internal/film"
)

func TestReadSnapshotEnds(t *testing.T) { engines(t, testReadSnapshotEnds) }

// testReadSnapshotEnds checks that a film record's read transaction ends
// with the read, however the read ends: a connection given back to the
// pool still inside its transaction would keep answering from its old
// snapshot, so later reads would miss later writes.
func testReadSnapshotEnds(t *testing.T, s *Store) {
	ctx := context.Background()
	if err := s.PutFilm(ctx, &film.Film{Slug: "take-out-2004", Title: "Take Out", Year: 2004}); err != nil {
		t.Fatal(err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.GetFilmRecord(canceled, "take-out-2004", FilmRecordOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled read: err %v, want context.Canceled", err)
	}
	if _, err := s.GetFilmRecord(ctx, "no-such-film", FilmRecordOptions{}); !errors.Is(err, film.ErrNotFound) {
		t.Fatalf("missing film: err %v, want film.ErrNotFound", err)
	}
	// Every read connection has now served a record at least once
	// (more reads than the pool holds); each must see the next write.
	for i := range 3 * max(s.ReadConns(), 4) {
		rec, err := s.GetFilmRecord(ctx, "take-out-2004", FilmRecordOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := "Take Out " + strconv.Itoa(i)
		if i > 0 && rec.Film.Title != "Take Out "+strconv.Itoa(i-1) {
			t.Fatalf("read %d: title %q, want %q (a stale snapshot)", i, rec.Film.Title, "Take Out "+strconv.Itoa(i-1))
		}
		if err := s.PutFilm(ctx, &film.Film{Slug: "take-out-2004", Title: want, Year: 2004}); err != nil {
			t.Fatal(err)
		}
	}
}
