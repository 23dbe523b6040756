package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"marquee/internal/demo"
	"marquee/internal/dossier"
	"marquee/internal/film"
	"marquee/internal/store"
)

// testDossier is a Red Rocket dossier built by hand, with every shape the
// page must render: sections with sub-sections, a list, a table, quotes,
// an FAQ, links and mentions.
func testDossier() *film.Dossier {
	return &film.Dossier{
		Film:  film.DossierFilm{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021},
		Title: "Red Rocket: the hustler comes home",
		Sections: []film.Section{
			{Kind: film.SectionIntroduction, Heading: "Introduction", Text: "Red Rocket is Sean Baker's fifth solo feature.",
				Blocks: []film.Block{
					{Kind: film.BlockParagraph, Text: "Red Rocket is Sean Baker's sixth feature, a comedy about Mikey Saber, a washed-up adult film actor who drifts back to Texas City in the summer of 2016 with twenty-two dollars and no plan. Simon Rex plays him as a man who cannot stop selling, even when nobody is buying."},
					{Kind: film.BlockParagraph, Text: "Shot on 16mm film by Drew Daniels among the refineries and donut shops of the Gulf Coast, it premiered in competition at Cannes and reached American cinemas through A24 in December 2021."},
				}},
			{Kind: film.SectionPlot, Heading: "Plot", Text: "Mikey arrives on Lexi's porch.",
				Blocks: []film.Block{{Kind: film.BlockParagraph, Text: "Mikey turns up on the porch of his estranged wife Lexi and her mother Lil, talks his way onto their couch, and starts selling weed for Leondria. At the donut shop he meets Strawberry, seventeen, and begins to see in her a ticket back to Los Angeles."}},
				Subsections: []film.Subsection{
					{Label: "Homecoming", Text: "Nobody is pleased to see him.", Blocks: []film.Block{{Kind: film.BlockParagraph, Text: "Nobody in Texas City is pleased to see him, and the film lets that be funny before it lets it be sad."}}},
					{Label: "The fall", Text: "A crash on the freeway.", Blocks: []film.Block{{Kind: film.BlockParagraph, Text: "A crash on the freeway, caused by his neighbour Lonnie, undoes every plan Mikey has made."}}},
				}},
			{Kind: film.SectionThemes, Heading: "Themes and Motifs", Text: "The American Dream as a sales pitch.",
				Blocks: []film.Block{
					{Kind: film.BlockParagraph, Text: "The film treats the American Dream as a sales pitch, and Mikey as its most committed salesman."},
					{Kind: film.BlockList, Items: []string{"Election-year television in every room", "Refineries on every horizon", "Donuts, always donuts"}},
				}},
			{Kind: film.SectionReception, Heading: "Critical Reception", Text: "Critics admired Rex.",
				Blocks: []film.Block{
					{Kind: film.BlockParagraph, Text: "Critics admired Rex's performance and argued about the film's sympathy for its hero. Variety called it a comedy with a bruise."},
					{Kind: film.BlockTable, Header: []string{"Outlet", "Verdict"}, Rows: [][]string{{"Variety", "Positive"}, {"The Guardian", "Four stars"}}},
				}},
		},
		FAQ: []film.FAQ{
			{Question: "Is Red Rocket based on a true story?", Answer: "No. Baker and Chris Bergoch wrote it after meeting men like Mikey while researching Starlet."},
			{Question: "Where was Red Rocket filmed?", Answer: "In Texas City and Galveston, Texas, during the 2016 election campaign."},
		},
		Cast: []film.CastPair{{Person: "Simon Rex", Character: "Mikey Saber", PersonSlug: "simon-rex"}},
		Quotes: []film.Quote{
			{Text: "A comedy with a bruise on it.", Speaker: "Peter Debruge", Source: "Variety", Section: film.SectionReception},
			{Text: "I wanted to make a film about a man who is always selling.", Speaker: "Sean Baker", SpeakerSlug: "sean-baker", Source: "Sight and Sound", Section: film.SectionThemes},
		},
		Mentions: film.Mentions{Films: []string{"Starlet"}, People: []string{"Sean Baker", "Simon Rex"}, Places: []string{"Texas City", "Galveston"}, Publications: []string{"Variety", "Sight and Sound"}},
		Links: []film.Link{
			{Kind: "person", Name: "Sean Baker", Slug: "sean-baker"},
			{Kind: "person", Name: "Simon Rex", Slug: "simon-rex"},
			{Kind: "person", Name: "Drew Daniels", Slug: "drew-daniels"},
			{Kind: "film", Name: "Starlet", Slug: "starlet-2012"},
			{Kind: "place", Name: "Texas City", Slug: "texas-city"},
		},
	}
}

// newTestStore opens a fresh store with the demo catalog, the hand-made
// Red Rocket dossier and a few reader ratings.
func newTestStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t, "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutDossier(ctx, "red-rocket-2021", testDossier(), "test"); err != nil {
		t.Fatal(err)
	}
	f, err := st.GetFilm(ctx, "red-rocket-2021")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range []float64{7, 8, 8, 9, 6, 7, 8, 10, 5, 8} {
		if _, err := st.WriteDB().ExecContext(ctx, "INSERT INTO user_ratings (source, external_user, film_id, rating) VALUES ('test', $1, $2, $3)",
			"u"+itoa(i), f.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func newTestHandler(t testing.TB) (http.Handler, *store.Store) {
	t.Helper()
	st := newTestStore(t)
	s, err := New(st, slog.New(slog.NewTextHandler(io.Discard, nil)), Options{BaseURL: "https://films.example.org"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.Handler(), st
}

// get runs one request through h and returns the response and body.
// header holds name, value pairs.
func get(t testing.TB, h http.Handler, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newCorpusStore opens a fresh store with the demo catalog and the corpus
// articles (Red Rocket, Tangerine, The Florida Project) parsed by the
// dossier parser, as a reader would find them.
func newCorpusStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, testDSN(t, "corpus.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		file, slug, title string
		year              int
	}{
		{"red-rocket.txt", "red-rocket-2021", "Red Rocket", 2021},
		{"tangerine.txt", "tangerine-2015", "Tangerine", 2015},
		{"the-florida-project.md", "the-florida-project-2017", "The Florida Project", 2017},
	} {
		src, err := os.ReadFile(filepath.Join("..", "dossier", "testdata", "corpus", a.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := dossier.Parse(a.file, src, &dossier.Options{Title: a.title, Year: a.year, Slug: a.slug,
			Directors: []string{"Sean Baker"}, Catalog: st.Linker(ctx)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.PutDossier(ctx, a.slug, d, "test"); err != nil {
			t.Fatal(err)
		}
	}
	return st
}
