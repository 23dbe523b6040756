package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
	"marquee/internal/store"
)

// realExport is testdata/letterboxd/patrickmjones-2019 (see its NOTICE):
// a 2019 export whose list file has no version line.
const realExport = "testdata/letterboxd/patrickmjones-2019"

// titleYear is a film a test's catalog holds, slugged as importers slug it.
type titleYear struct {
	title string
	year  int
}

// putFilms adds films to the catalog, each with its importer slug.
func putFilms(t *testing.T, st *store.Store, films ...titleYear) {
	t.Helper()
	for _, f := range films {
		fl := film.Film{Slug: film.FilmSlug(f.title, f.year), Title: f.title, Year: f.year}
		if err := st.PutFilm(context.Background(), &fl); err != nil {
			t.Fatal(err)
		}
	}
}

// realExportFilms are the films the export's rows name, as a catalog
// would hold them.
var realExportFilms = []titleYear{
	{"Soylent Green", 1973}, {"Detective Dee and the Mystery of the Phantom Flame", 2010}, {"Pietà", 2012},
	{"I, Frankenstein", 2014}, {"Thorne : Scaredycat", 2010}, {"The Legend of Drunken Master", 1994},
	{"A Trip to the Moon", 1902}, {"Roma", 2018}, {"Salò, or the 120 Days of Sodom", 1975}, {"The Shining", 1980},
	{"Roundhay Garden Scene", 1888}, {"Captain America: The Winter Soldier", 2014}, {"Tell Me Who I Am", 2019},
	{"Parasite", 2019}, {"I, Daniel Blake", 2016}, {"if....", 1968}, {"Marty", 1955}, {"Union Pacific", 1939},
}

func realExportCatalog(t *testing.T) *store.Store {
	t.Helper()
	st := newStore(t)
	putFilms(t, st, realExportFilms...)
	return st
}

func TestLetterboxdRealExport2019(t *testing.T) {
	st := realExportCatalog(t)
	sum, err := ImportLetterboxd(context.Background(), st, realExport, "pj", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || len(sum.Unmatched) != 0 {
		t.Errorf("errors %v, unmatched %v", sum.RowErrors, sum.Unmatched)
	}
	if got := count(t, st, "diary_entries"); got != 7 {
		t.Errorf("diary entries = %d, want 7", got)
	}
	got := strs(t, st, `SELECT f.title || ' ' || r.watched_on || ' ' || r.rating || ' ' || r.rewatch || ' [' || r.tags || '] ' || length(r.body)
		FROM reviews r JOIN films f ON f.id = r.film_id ORDER BY r.logged_on`)
	// The bodies' lengths in characters, as Python's csv module reads the file.
	want := []string{
		"Roma 2018-12-30 0.0 0 [netflix, black-and-white] 326",
		"Salò, or the 120 Days of Sodom 2019-08-11 0.0 0 [criterion-collection, bd] 45",
		"The Shining 2019-10-01 5.0 1 [theatrical, remastered] 78",
		"Roundhay Garden Scene 2019-10-15 0.0 0 [youtube, black-and-white] 33",
		"Tell Me Who I Am 2019-10-27 0.0 0 [netflix] 6",
		"Captain America: The Winter Soldier  0.0 0 [] 73",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
	body := strs(t, st, `SELECT r.body FROM reviews r JOIN films f ON f.id = r.film_id WHERE f.title = 'Roma'`)
	if len(body) != 1 || !strings.Contains(body[0], `"we did everything we could" speech`) || !strings.Contains(body[0], "place. \n\nThat aside") {
		t.Errorf("Roma's review = %q", body)
	}
	got = strs(t, st, `SELECT l.name || ' | ' || l.tags || ' | ' || l.created_on || ' | ' || e.position || ' ' || f.title || ' ' || e.notes
		FROM user_named_lists l JOIN user_named_list_films e ON e.list_id = l.id JOIN films f ON f.id = e.film_id ORDER BY e.position`)
	want = []string{
		"Palme d'Or Winners Project | cannes, project | 2019-11-25 | 1 Parasite ",
		"Palme d'Or Winners Project | cannes, project | 2019-11-25 | 4 I, Daniel Blake ",
		"Palme d'Or Winners Project | cannes, project | 2019-11-25 | 58 if.... ",
		`Palme d'Or Winners Project | cannes, project | 2019-11-25 | 73 Marty <p><a href="http://letterboxd.com/kano/film/marty/" rel="nofollow">letterboxd.com/kano/film/marty/</a></p>`,
		"Palme d'Or Winners Project | cannes, project | 2019-11-25 | 92 Union Pacific ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("list (-want +got):\n%s", diff)
	}
}

// The member import reads the same export, the list with the catalog
// importer's list reader.
func TestMemberLetterboxdRealExport2019(t *testing.T) {
	st := realExportCatalog(t)
	ctx := context.Background()
	uid := addMember(t, st, "pj")
	sum, err := ImportMemberLetterboxd(ctx, st, realExport, uid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pending != 0 || len(sum.RowErrors) != 0 {
		t.Errorf("pending %d, errors %v", sum.Pending, sum.RowErrors)
	}
	lists, err := st.MemberLists(ctx, uid, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(lists) != 1 || lists[0].Name != "Palme d'Or Winners Project" || !strings.HasPrefix(lists[0].Description, "Does what is says on the tin.\n<a href=") {
		t.Fatalf("lists = %+v", lists)
	}
	var pos []int
	for _, e := range lists[0].Entries {
		pos = append(pos, e.Position)
	}
	if diff := cmp.Diff([]int{1, 4, 58, 73, 92}, pos); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

// A film bound to its short link by one export is found by a later file
// naming it by its letterboxd.com page (older exports and other tools
// write that form), however the link is spelt; a different link of the
// same form is still another film.
func TestLetterboxdLinkForms(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	putFilms(t, st, titleYear{"Pulp Fiction", 1994}, titleYear{"Emma", 1996})
	first := writeFiles(t, map[string]string{"watched.csv": "Date,Name,Year,Letterboxd URI\n" +
		"2020-01-01,Pulp Fiction,1994,https://boxd.it/29Pq\n2020-01-01,Emma,1996,https://boxd.it/1Yqe\n"})
	if _, err := ImportLetterboxd(ctx, st, first, "ana", Options{}); err != nil {
		t.Fatal(err)
	}
	later := writeFiles(t, map[string]string{"ratings.csv": "Date,Name,Year,Letterboxd URI,Rating\n" +
		"2021-01-01,Pulp Fiction,1994,http://www.letterboxd.com/film/pulp-fiction,5\n" +
		"2021-01-01,Emma,1996,https://boxd.it/27qY,4\n" +
		"2021-01-02,Pulp Fiction,1994,https://boxd.it/29Pq/,4.5\n"})
	sum, err := ImportLetterboxd(ctx, st, later, "bo", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Unmatched{{File: "ratings.csv", Line: 3, Title: "Emma", Year: 1996}}, sum.Unmatched); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	// Both Pulp Fiction rows found the film: the second is a duplicate.
	if got := strs(t, st, `SELECT f.slug || ' ' || r.rating FROM user_ratings r JOIN films f ON f.id = r.film_id WHERE r.external_user = 'bo'`); !cmp.Equal(got, []string{"pulp-fiction-1994 5.0"}) {
		t.Errorf("bo's ratings = %v", got)
	}
	if sum.Files[0].SkippedBy["duplicate: same film as an earlier row"] != 1 {
		t.Errorf("skipped = %v, want the second Pulp Fiction row as a duplicate", sum.Files[0].SkippedBy)
	}
}
