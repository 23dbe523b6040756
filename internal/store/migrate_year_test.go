package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store/storetest"
)

// Migration 0021 turns the yearless films' 0 into NULL. On SQLite it
// edits the table's definition in place; a rebuild of films would have
// cascaded deletes to every table that refers to it. A catalog written by
// the previous release (films, people, credits, characters, members'
// ratings, reviews, watchlists, box office, festivals) keeps every row of
// every table, and its slugs.
func TestMigrationYearUnknownKeepsDependents(t *testing.T) {
	ctx := context.Background()
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "old.db")}
	if testPostgresDSN(t) != "" {
		dsns["postgres"] = storetest.PostgresDSN(t)
	}
	for engine, dsn := range dsns {
		t.Run(engine, func(t *testing.T) {
			old, err := open(ctx, dsn, 20)
			if err != nil {
				t.Fatal(err)
			}
			fillOldCatalog(t, old)
			before := tableCounts(t, old)
			slugs := filmYears(t, old)
			old.Close()

			st, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			// Later migrations may add tables; every table that was there
			// keeps its rows.
			after := tableCounts(t, st)
			for name := range after {
				if _, ok := before[name]; !ok {
					delete(after, name)
				}
			}
			if diff := cmp.Diff(before, after); diff != "" {
				t.Errorf("rows per table after the migration (-before +after):\n%s", diff)
			}
			slugs["untitled-reel"] = -1 // NULL now
			if diff := cmp.Diff(slugs, filmYears(t, st)); diff != "" {
				t.Errorf("films' slugs and years (-want +got; -1 = NULL):\n%s", diff)
			}
			// The column takes NULL now, and no longer defaults to 0.
			if _, err := st.write.ExecContext(ctx, `INSERT INTO films (slug, title) VALUES ('another-untitled', 'Another Untitled')`); err != nil {
				t.Fatal(err)
			}
			var null bool
			if err := st.read.QueryRowContext(ctx, `SELECT year IS NULL FROM films WHERE slug = 'another-untitled'`).Scan(&null); err != nil || !null {
				t.Errorf("a film inserted without a year: year IS NULL = %v, %v", null, err)
			}
		})
	}
}

// fillOldCatalog writes a small catalog through the store at schema 20,
// where a film without a year held 0.
func fillOldCatalog(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for _, f := range []film.Film{
		{Slug: "anora-2024", Title: "Anora", Year: 2024, TitleType: "movie", IDs: film.ExternalIDs{IMDb: "tt28607951"}},
		{Slug: "untitled-reel", Title: "Untitled Reel", Year: 1999, TitleType: "movie"},
	} {
		if err := s.PutFilm(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE films SET year = 0 WHERE slug = 'untitled-reel'`); err != nil {
		t.Fatal(err)
	}
	for _, p := range []film.Person{{Slug: "mikey-madison", Name: "Mikey Madison"}, {Slug: "sean-baker", Name: "Sean Baker"}} {
		if err := s.PutPerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []film.Credit{
		{FilmSlug: "anora-2024", PersonSlug: "mikey-madison", Role: film.RoleCast, Character: "Ani", Billing: 1},
		{FilmSlug: "anora-2024", PersonSlug: "sean-baker", Role: film.RoleDirector},
		{FilmSlug: "untitled-reel", PersonSlug: "sean-baker", Role: film.RoleDirector},
	} {
		if err := s.PutCredit(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutCharacter(ctx, film.Character{FilmSlug: "untitled-reel", Slug: "the-projectionist", Name: "The Projectionist", PlayedBySlug: "mikey-madison"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFestivals(ctx, "anora-2024", []film.Festival{{Name: "Cannes", Year: 2024, Award: "Palme d'Or", Won: true}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBoxOffice(ctx, "untitled-reel", film.BoxOffice{Currency: "USD", Budget: 100000}); err != nil {
		t.Fatal(err)
	}
	u := &User{Username: "ana", PasswordHash: "x", Role: "member"}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"anora-2024", "untitled-reel"} {
		r := member.Rating(8)
		if err := s.SetFilmLog(ctx, u.ID, slug, FilmLogChange{Rating: &r}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetWatchlist(ctx, u.ID, slug, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PutReview(ctx, u.ID, member.Review{FilmSlug: "untitled-reel", Body: "A reel with no year.", Rating: 7}); err != nil {
		t.Fatal(err)
	}
}

// tableCounts counts the rows of every table of s's schema.
func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	ctx := context.Background()
	list := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'search\_fts\_%' ESCAPE '\' AND name <> 'schema_migrations'`
	if s.Engine() == "postgres" {
		list = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`
	}
	var names []string
	if err := s.eachRow(ctx, list, nil, func(r *sql.Rows) error {
		var n string
		names = append(names, n)
		return r.Scan(&names[len(names)-1])
	}); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	nonEmpty := 0
	for _, name := range names {
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(name)).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", name, err)
		}
		out[name] = n
		if n > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 10 {
		t.Fatalf("only %d tables hold rows: the fixture no longer fills the catalog", nonEmpty)
	}
	return out
}

// filmYears maps each film's slug to its year, -1 for NULL.
func filmYears(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := s.eachRow(context.Background(), `SELECT slug, COALESCE(year, -1) FROM films`, nil, func(r *sql.Rows) error {
		var slug string
		var y int
		if err := r.Scan(&slug, &y); err != nil {
			return err
		}
		out[slug] = y
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
