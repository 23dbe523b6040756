package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// TestPortableSQL exercises the SQL whose meaning could differ between
// engines: integer division cast to text, an untyped "$n = 0" parameter,
// ON CONFLICT DO NOTHING, and constraint errors from the engine itself.
func TestPortableSQL(t *testing.T) {
	engines(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for _, f := range []*film.Film{
			{Slug: "tangerine-2015", Title: "Tangerine", Year: 2015, Genres: []string{"Comedy"}},
			{Slug: "the-florida-project-2017", Title: "The Florida Project", Year: 2017, Genres: []string{"Drama"}},
			{Slug: "anora-2024", Title: "Anora", Year: 2024, Genres: []string{"Comedy", "Drama"}},
		} {
			if err := s.PutFilm(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		decades, err := s.Decades(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]Count{{"2010", 2}, {"2020", 1}}, decades); diff != "" {
			t.Errorf("Decades (-want +got):\n%s", diff)
		}
		genres, err := s.Genres(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]Count{{"Comedy", 2}, {"Drama", 2}}, genres); diff != "" {
			t.Errorf("Genres (-want +got):\n%s", diff)
		}
		if f, err := s.FilmByTitle(ctx, "anora", 0); err != nil || f.Slug != "anora-2024" {
			t.Errorf("FilmByTitle without year = %v, %v", f, err)
		}
		if _, err := s.FilmByTitle(ctx, "anora", 1999); !errors.Is(err, film.ErrNotFound) {
			t.Errorf("FilmByTitle wrong year: %v", err)
		}
		theme := []film.Theme{{Slug: "sex-work", Name: "Sex work", Kind: film.KindTheme}, {Slug: "sex-work", Name: "Sex work", Kind: film.KindTheme}}
		if err := s.SetThemes(ctx, "anora-2024", theme); err != nil {
			t.Errorf("SetThemes with a repeated theme: %v", err)
		}
		err = s.Transact(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO themes (slug, name, kind) VALUES ($1, $2, $3)", "x", "X", "colour")
			return s.wrap(err, "put", "theme", "x")
		})
		var ve *film.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("check constraint: got %v, want a ValidationError", err)
		}
		err = s.Transact(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "INSERT INTO film_genres (film_id, genre) VALUES ($1, $2)", 999999, "Drama")
			return s.wrap(err, "put", "genre", "x")
		})
		if !errors.Is(err, film.ErrMissingRef) {
			t.Errorf("foreign key: got %v, want ErrMissingRef", err)
		}
	})
}
