package search

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

// The test catalog: the demo catalog with IMDb-like vote counts, a
// generated bulk of films and people loaded the way importers load
// (PrepareBulk, direct SQL, Rebuild), then distractors written one by one
// through the store, so that the triggers index them: an obscure short
// called "Tangerine", "Amélie" (2001) with many votes, namesakes.
var (
	catalogOnce  sync.Once
	catalogStore *store.Store
	catalogErr   error
	catalogDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if catalogStore != nil {
		catalogStore.Close()
	}
	if catalogDir != "" {
		os.RemoveAll(catalogDir)
	}
	os.Exit(code)
}

// testCatalog returns the shared test catalog, built on first use.
func testCatalog(t testing.TB) *store.Store {
	t.Helper()
	if onPostgres {
		return pgCatalog
	}
	catalogOnce.Do(func() {
		ctx := context.Background()
		if catalogDir, catalogErr = os.MkdirTemp("", "marquee-search-"); catalogErr != nil {
			return
		}
		if catalogStore, catalogErr = store.Open(ctx, filepath.Join(catalogDir, "catalog.db")); catalogErr != nil {
			return
		}
		catalogErr = buildCatalog(ctx, catalogStore)
	})
	if catalogErr != nil {
		t.Fatal(catalogErr)
	}
	return catalogStore
}

// engines runs fn on the test catalog of each available engine: SQLite
// always, PostgreSQL when MARQUEE_TEST_POSTGRES names a server.
func engines(t *testing.T, fn func(t *testing.T, e *Engine)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, New(testCatalog(t))) })
	if os.Getenv(storetest.EnvPostgres) == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		ctx := context.Background()
		st, err := store.Open(ctx, storetest.PostgresDSN(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := buildCatalog(ctx, st); err != nil {
			t.Fatal(err)
		}
		fn(t, New(st))
	})
}

// demoVotes are roughly the films' IMDb vote counts.
var demoVotes = map[string]int64{
	"take-out-2004": 2500, "prince-of-broadway-2008": 2900, "starlet-2012": 9000, "tangerine-2015": 38000,
	"the-florida-project-2017": 140000, "red-rocket-2021": 42000, "anora-2024": 160000,
}

func buildCatalog(ctx context.Context, st *store.Store) error {
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	for slug, votes := range demoVotes {
		if _, err := st.WriteDB().ExecContext(ctx, "UPDATE films SET rating_votes = $1 WHERE slug = $2", votes, slug); err != nil {
			return err
		}
	}
	err := Bulk(ctx, st, func(ctx context.Context) error {
		return st.Transact(ctx, func(tx *sql.Tx) error { return generate(ctx, tx, 3000, 3000) })
	})
	if err != nil {
		return err
	}
	return distractors(ctx, st)
}

// Generated words avoid those of the demo titles and names, so that the
// relevance set's expectations do not depend on the draw.
var (
	titleWords = strings.Fields(`the of a love night day man woman house city last first dark blue green
		black white summer winter road river home war blood game story life death dream king queen girl boy
		time world secret lost little big american family heart fire water moon sun star street new old
		wild long road island empire shadow ghost journey return rise fall song dance lady mister ballad
		hotel station garden mountain ocean desert valley bridge tower window mirror letter promise storm`)
	firstNames = strings.Fields(`John Mary James Anna Robert Linda Michael Sarah David Laura Sean Maria Peter
		Helen Paul Julia Mark Emma Daniel Sophie Thomas Alice George Clara Henry Nora Frank Ruth Oscar Ida`)
	lastNames = strings.Fields(`Smith Johnson Williams Brown Miller Davis Garcia Wilson Moore Taylor
		Anderson Thomas Jackson White Harris Martin Thompson Young Allen King Wright Scott Hill Green Adams
		Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris`)
)

// generate inserts films and people directly, as a bulk importer does,
// with Zipf-distributed words, votes and credit counts.
func generate(ctx context.Context, tx *sql.Tx, films, people int) error {
	r := rand.New(rand.NewPCG(1, 2))
	zw := rand.NewZipf(r, 1.1, 2, uint64(len(titleWords)-1))
	genres := []string{"Drama", "Comedy", "Horror", "Documentary", "Romance", "Thriller"}
	for i := range films {
		n := 1 + r.IntN(4)
		words := make([]string, n)
		for j := range words {
			words[j] = titleWords[zw.Uint64()]
		}
		title := strings.ToUpper(words[0][:1]) + strings.Join(words, " ")[1:]
		year := 1920 + r.IntN(105)
		slug := fmt.Sprintf("%s-%d-g%d", film.Slugify(title), year, i)
		votes := int64(1e6 / (1 + r.Float64()*2000))
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO films (slug, title, year, rating_votes, certification, title_type)
			VALUES ($1, $2, $3, $4, $5, 'movie') RETURNING id`, slug, title, year, votes, []string{"", "PG", "R"}[r.IntN(3)]).Scan(&id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO film_genres (film_id, genre) VALUES ($1, $2)", id, genres[r.IntN(len(genres))]); err != nil {
			return err
		}
	}
	for i := range people {
		name := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		_, err := tx.ExecContext(ctx, "INSERT INTO people (slug, name, credit_count) VALUES ($1, $2, $3)",
			fmt.Sprintf("%s-g%d", film.PersonSlug(name), i), name, int(40/(1+r.Float64()*40)))
		if err != nil {
			return err
		}
	}
	return nil
}

// distractors are written through the store, one by one, so the search
// triggers index them.
func distractors(ctx context.Context, st *store.Store) error {
	films := []film.Film{
		{Slug: "tangerine-2008", Title: "Tangerine", Year: 2008, TitleType: "short", Rating: film.Rating{Votes: 12}},
		{Slug: "red-rocket-1990", Title: "Red Rocket", Year: 1990, TitleType: "short", Rating: film.Rating{Votes: 30}},
		{Slug: "red-rocks-2010", Title: "Red Rocks", Year: 2010, Rating: film.Rating{Votes: 500}},
		{Slug: "amelie-2001", Title: "Amélie", OriginalTitle: "Le Fabuleux Destin d'Amélie Poulain", Year: 2001,
			Genres: []string{"Comedy", "Romance"}, Certification: "R", Rating: film.Rating{Votes: 800000}},
		{Slug: "amelies-garden-2019", Title: "Amélie's Garden", Year: 2019, TitleType: "short", Rating: film.Rating{Votes: 15}},
		{Slug: "florida-1990", Title: "Florida", Year: 1990, TitleType: "short", Rating: film.Rating{Votes: 20}},
		{Slug: "the-florida-keys-2005", Title: "The Florida Keys", Year: 2005, Rating: film.Rating{Votes: 900}},
		{Slug: "anorak-1999", Title: "Anorak", Year: 1999, Rating: film.Rating{Votes: 300}},
		{Slug: "brooklyn-2015", Title: "Brooklyn", Year: 2015, Rating: film.Rating{Votes: 150000}},
	}
	for i := range films {
		if err := st.PutFilm(ctx, &films[i]); err != nil {
			return err
		}
	}
	if _, err := st.WriteDB().ExecContext(ctx, `INSERT INTO alt_titles (film_id, ordering, title, region)
		SELECT id, 1, 'Die fabelhafte Welt der Amélie', 'DE' FROM films WHERE slug = 'amelie-2001'`); err != nil {
		return err
	}
	people := []film.Person{
		{Slug: "sean-baker-2", Name: "Sean Baker"},
		{Slug: "sean-barker", Name: "Sean Barker"},
		{Slug: "jean-baker", Name: "Jean Baker"},
		{Slug: "willem-dafoe-2", Name: "Willem Dafoe"},
	}
	for i := range people {
		if err := st.PutPerson(ctx, &people[i]); err != nil {
			return err
		}
	}
	credits := []film.Credit{
		{FilmSlug: "tangerine-2008", PersonSlug: "sean-baker-2", Role: film.RoleCast},
		{FilmSlug: "red-rocks-2010", PersonSlug: "sean-barker", Role: film.RoleDirector},
		{FilmSlug: "florida-1990", PersonSlug: "sean-barker", Role: film.RoleDirector},
		{FilmSlug: "anorak-1999", PersonSlug: "jean-baker", Role: film.RoleCast},
	}
	for _, c := range credits {
		if err := st.PutCredit(ctx, c); err != nil {
			return err
		}
	}
	_, err := st.PutDossier(ctx, "red-rocket-2021", &film.Dossier{Sections: []film.Section{
		{Kind: film.SectionSynopsis, Heading: "Synopsis", Text: "Mikey Saber comes home to Texas City broke, and talks his way back into Lexi's house."},
		{Kind: film.SectionThemes, Heading: "Themes and Motifs", Text: "The refinery flares and the fireworks stand for a boom that never reaches the town. " +
			"The donut shop is where Mikey meets Strawberry, and where the film's <idea> of the American Dream turns sour."},
	}}, "test")
	return err
}
