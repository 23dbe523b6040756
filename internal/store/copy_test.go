package store

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"marquee/internal/film"
)

func TestCopyPaths(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		cols := []string{"slug", "title", "year", "imdb_id"}
		first := pgx.CopyFromRows([][]any{{"a-2001", "A", 2001, "tt1"}, {"b-2002", "B", 2002, "tt2"}})
		if s.Engine() == "sqlite" {
			if _, err := s.CopyRows(ctx, "films", cols, first); !errors.Is(err, errNotPostgres) {
				t.Errorf("CopyRows on SQLite: %v", err)
			}
			return
		}
		if n, err := s.CopyRows(ctx, "films", cols, first); err != nil || n != 2 {
			t.Fatalf("CopyRows = %d, %v", n, err)
		}
		again := pgx.CopyFromRows([][]any{{"a-2001", "A", 2001, "tt1"}})
		if _, err := s.CopyRows(ctx, "films", cols, again); !errors.Is(err, film.ErrConflict) {
			t.Errorf("CopyRows of a duplicate: %v, want ErrConflict", err)
		}
		upd := pgx.CopyFromRows([][]any{
			{"b-2002", "B (old)", 2002, "tt2"}, {"b-2002", "B (new)", 2002, "tt2"}, {"c-2003", "C", 2003, "tt3"},
		})
		if n, err := s.CopyUpsert(ctx, "films", cols, []string{"slug"}, true, upd); err != nil || n != 3 {
			t.Fatalf("CopyUpsert = %d, %v", n, err)
		}
		keep := pgx.CopyFromRows([][]any{{"c-2003", "C (ignored)", 2003, "tt3"}})
		if _, err := s.CopyUpsert(ctx, "films", cols, []string{"slug"}, false, keep); err != nil {
			t.Fatal(err)
		}
		list, total, err := s.ListFilms(ctx, FilmFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, f := range list {
			titles = append(titles, f.Title)
		}
		if diff := cmp.Diff([]string{"A", "B (new)", "C"}, titles); diff != "" || total != 3 {
			t.Errorf("films after copies (-want +got):\n%s", diff)
		}
		// Films copied without ids got them from the identity sequence.
		if err := s.PutFilm(ctx, &film.Film{Slug: "d-2004", Title: "D", Year: 2004}); err != nil {
			t.Error(err)
		}
	})
}
