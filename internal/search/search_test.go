package search

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/demo"
	"marquee/internal/film"
	"marquee/internal/store"
	"marquee/internal/store/storetest"
)

func demoEngine(t *testing.T, dsn string) (*Engine, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	return New(st), st
}

func first(t *testing.T, e *Engine, q Query) string {
	t.Helper()
	res, err := e.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	if len(res.Results) == 0 {
		return ""
	}
	return hitKey(res.Results[0])
}

// The index follows writes through the store, with no Rebuild.
func TestIndexFollowsWrites(t *testing.T) {
	storetest.Each(t, testIndexFollowsWrites)
}

func testIndexFollowsWrites(t *testing.T, dsn string) {
	ctx := context.Background()
	e, st := demoEngine(t, dsn)
	if got := first(t, e, Query{Text: "sean bakr"}); got != "person/sean-baker" {
		t.Fatalf("sean bakr: first = %q, want person/sean-baker", got)
	}
	f := &film.Film{Slug: "mizu-2019", Title: "Mizu", Year: 2019}
	if err := st.PutFilm(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got := first(t, e, Query{Text: "mizu"}); got != "film/mizu-2019" {
		t.Errorf("after insert: first = %q", got)
	}
	f.Title = "Kawa"
	if err := st.PutFilm(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got := first(t, e, Query{Text: "mizu"}); got != "" {
		t.Errorf("after rename: mizu still finds %q", got)
	}
	if got := first(t, e, Query{Text: "kawa"}); got != "film/mizu-2019" {
		t.Errorf("after rename: kawa finds %q", got)
	}
	if err := st.DeleteFilm(ctx, "red-rocket-2021"); err != nil {
		t.Fatal(err)
	}
	// Other dossiers may still mention Red Rocket in their text; what must
	// go is the film, its characters and its own dossier.
	for _, q := range []string{"red rocket", "mikey saber"} {
		res, err := e.Search(ctx, Query{Text: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Results {
			if r.Slug == "red-rocket-2021" || r.FilmSlug == "red-rocket-2021" {
				t.Errorf("after delete: %q finds %s/%s", q, r.Kind, r.Slug)
			}
		}
	}
	// Bulk: suspended maintenance, then the rebuild catches up.
	err := Bulk(ctx, st, func(ctx context.Context) error {
		if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO films (slug, title, year) VALUES ('yama-2020', 'Yama', 2020)"); err != nil {
			return err
		}
		// PostgreSQL's expression indexes never fall behind; SQLite's do.
		if got := first(t, e, Query{Text: "yama"}); got != "" && st.Engine() == "sqlite" {
			t.Errorf("during bulk: yama finds %q", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := first(t, e, Query{Text: "yama"}); got != "film/yama-2020" {
		t.Errorf("after Rebuild: yama finds %q", got)
	}
	if st.Engine() == "postgres" {
		var n int
		err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_indexes
			WHERE schemaname = current_schema() AND indexname IN ('films_search', 'people_name_trgm')`).Scan(&n)
		if err != nil || n != 2 {
			t.Errorf("after Rebuild: %d of 2 search indexes, %v", n, err)
		}
	}
	if err := st.PutPerson(ctx, &film.Person{Slug: "umi-sora", Name: "Umi Sora"}); err != nil {
		t.Fatal(err)
	}
	if got := first(t, e, Query{Text: "umi sora"}); got != "person/umi-sora" {
		t.Errorf("triggers back after Rebuild: umi sora finds %q", got)
	}
}

func TestDossierSnippet(t *testing.T) { engines(t, testDossierSnippet) }

func testDossierSnippet(t *testing.T, e *Engine) {
	res, err := e.Search(context.Background(), Query{Text: "american dream", Kind: KindDossier})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 {
		t.Fatal("no dossier hit")
	}
	r := res.Results[0]
	if r.Section != "themes" || r.Heading != "Themes and Motifs" || r.FilmSlug != "red-rocket-2021" || r.URL != "/films/red-rocket-2021#themes-and-motifs" || r.Title != "Red Rocket — Themes and Motifs" {
		t.Errorf("hit = %+v", r)
	}
	if !strings.Contains(r.Snippet, "<mark>American</mark> <mark>Dream</mark>") {
		t.Errorf("snippet lacks marks: %s", r.Snippet)
	}
	if !strings.Contains(r.Snippet, "&lt;idea&gt;") || strings.Contains(r.Snippet, "<idea>") {
		t.Errorf("snippet not escaped: %s", r.Snippet)
	}
}

func TestFacetsAndFilters(t *testing.T) { engines(t, testFacetsAndFilters) }

func testFacetsAndFilters(t *testing.T, e *Engine) {
	ctx := context.Background()
	res, err := e.Search(ctx, Query{Text: "red"})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{FacetKind, FacetDecade, FacetGenre, FacetCertification, FacetDirector, FacetTheme} {
		if len(res.Facets[k]) == 0 {
			t.Errorf("facet %s empty", k)
		}
	}
	count := func(facet, value string) int {
		for _, c := range res.Facets[facet] {
			if c.Value == value {
				return c.Count
			}
		}
		return 0
	}
	if count(FacetDirector, "sean-baker") == 0 || count(FacetDecade, "2020") == 0 {
		t.Errorf("facets = %v", res.Facets)
	}
	for _, q := range []Query{
		{Text: "red", Filter: film.Filter{Director: "sean-baker"}},
		{Text: "red", Filter: film.Filter{Decade: 2020, Genre: "Comedy", Certification: "R"}},
		{Text: "red", Filter: film.Filter{Theme: "fireworks"}},
	} {
		res, err := e.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || hitKey(res.Results[0]) != "film/red-rocket-2021" {
			t.Errorf("%+v: got %v", q, res.Results)
		}
		for _, r := range res.Results {
			if r.Kind == KindPerson || (r.Kind == KindFilm && r.Slug != "red-rocket-2021") {
				t.Errorf("%+v: filter let through %s", q, hitKey(r))
			}
		}
	}
}

func TestSuggest(t *testing.T) { engines(t, testSuggest) }

func testSuggest(t *testing.T, e *Engine) {
	for _, c := range []struct{ prefix, want string }{
		{"red ro", "film/red-rocket-2021"},
		{"sean b", "person/sean-baker"},
		{"amel", "film/amelie-2001"},
		{"tanger", "film/tangerine-2015"},
		{"florda proj", "film/the-florida-project-2017"},
	} {
		got, err := e.Suggest(context.Background(), c.prefix, 8)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].Kind+"/"+got[0].Slug != c.want {
			t.Errorf("Suggest(%q) = %v, want %s first", c.prefix, got, c.want)
		}
		if len(got) > 8 {
			t.Errorf("Suggest(%q) gave %d", c.prefix, len(got))
		}
	}
}

func TestBadInput(t *testing.T) { engines(t, testBadInput) }

func testBadInput(t *testing.T, e *Engine) {
	ctx := context.Background()
	for _, q := range []string{"", "   ", `"`, `*`, `NEAR(a b)`, `-`, `:`, `(`, `'; DROP TABLE films; --`, "\xff\xfe", `title:red`, `^red`, `a OR b`, `{name}: x`} {
		res, err := e.Search(ctx, Query{Text: q})
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
		} else if res.Results == nil || res.Facets == nil {
			t.Errorf("Search(%q): nil results or facets", q)
		}
		if _, err := e.Suggest(ctx, q, 8); err != nil {
			t.Errorf("Suggest(%q): %v", q, err)
		}
	}
	long := strings.Repeat("red rocket ", 1000)
	if _, err := e.Search(ctx, Query{Text: long}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("10 KB query: err = %v, want ErrBadQuery", err)
	}
	if _, err := e.Search(ctx, Query{Text: "red", Kind: "planet"}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("unknown kind: err = %v, want ErrBadQuery", err)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in    string
		words []string
		year  int
	}{
		{"Red Rocket 2021", []string{"red", "rocket"}, 2021},
		{"2001 a space odyssey", []string{"a", "space", "odyssey"}, 2001},
		{"1917", []string{"1917"}, 0},
		{"Amélie", []string{"amelie"}, 0},
		{`"NEAR(a*b)"`, []string{"near", "a", "b"}, 0},
		{"Sin-Dee Rella", []string{"sin", "dee", "rella"}, 0},
	} {
		p, err := parseText(c.in)
		if err != nil {
			t.Fatal(err)
		}
		var words []string
		for _, tm := range p.terms {
			words = append(words, tm.text)
		}
		if diff := cmp.Diff(c.words, words); diff != "" || p.year != c.year {
			t.Errorf("parse(%q) (-want +got):\n%s year %d, want %d", c.in, diff, p.year, c.year)
		}
	}
}

// With a tiny budget the first query saturates, so the name-start and
// year queries run too, and still bring the exact title.
func TestSaturatedCandidates(t *testing.T) {
	e := New(testCatalog(t))
	ctx := context.Background()
	for _, c := range []struct{ q, want string }{
		{"the", ""},
		{"red rocket 1990", "film/red-rocket-1990"},
		{"the florida project", "film/the-florida-project-2017"},
		{"sean bakr", "person/sean-baker"},
	} {
		p, err := parseText(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.sqliteExpand(ctx, p); err != nil {
			t.Fatal(err)
		}
		docs, err := e.sqliteCandidates(ctx, p, Query{}, 1, false)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		if c.want == "" {
			continue
		}
		rank(p, docs)
		if len(docs) == 0 || kindNames[docs[0].kind]+"/"+docs[0].slug != c.want {
			t.Errorf("%q: got %v, want %s first", c.q, docs, c.want)
		}
	}
}

// TestFilmsThroughTheirPeople: a film is found through its director and
// billed cast, after films whose titles match, and says why.
func TestFilmsThroughTheirPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn string) {
		e, _ := demoEngine(t, dsn)
		res, err := e.Search(context.Background(), Query{Text: "baker", Kind: KindFilm})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range res.Results {
			got[r.Slug] = r.Snippet
		}
		want := map[string]string{}
		for _, s := range []string{"anora-2024", "prince-of-broadway-2008", "red-rocket-2021", "starlet-2012", "take-out-2004", "tangerine-2015", "the-florida-project-2017"} {
			want[s] = "directed by Sean Baker"
		}
		if diff := cmp.Diff(want, got); diff != "" || res.Total != 7 {
			t.Errorf("baker, films: total %d (-want +got):\n%s", res.Total, diff)
		}
		res, err = e.Search(context.Background(), Query{Text: "mya taylor", Kind: KindFilm})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Results) != 1 || res.Results[0].Slug != "tangerine-2015" || res.Results[0].Snippet != "with Mya Taylor" {
			t.Errorf("mya taylor, films = %+v, want Tangerine with Mya Taylor", res.Results)
		}
		// A film filter applies to films found this way too.
		res, err = e.Search(context.Background(), Query{Text: "baker", Kind: KindFilm, Filter: film.Filter{Decade: 2010}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 3 {
			t.Errorf("baker, films of the 2010s: total %d, want 3", res.Total)
		}
	})
}
