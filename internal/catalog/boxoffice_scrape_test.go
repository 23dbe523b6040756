package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testdata/boxoffice/tn-budgets.csv has the shape of the widely shared
// scrape of The Numbers (see the README there): two-digit years, days
// without a leading zero, double-encoded titles.
func TestImportBoxOfficeNumbersScrape(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	putFilms(t, st, titleYear{"Titanic", 1997}, titleYear{"Pirates of the Caribbean: At World’s End", 2007},
		titleYear{"Pokémon: Detective Pikachu", 2019}, titleYear{"John Carter", 2012}, titleYear{"Intolerance", 1916})
	m, err := ParseBoxOfficeMap("title=movie,release_date=release_date,budget=production_budget,domestic=domestic_gross,worldwide=worldwide_gross")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/tn-budgets.csv", BoxOfficeOptions{Map: m, LastYear: 2026})
	if err != nil {
		t.Fatal(err)
	}
	// Avatar's "18-Dec-09" is 1909 or 2009, and the catalog has neither:
	// skipped, saying so, rather than a film dated by a guess.
	wantErrs := []RowError{{File: "tn-budgets.csv", Line: 2, Field: "release_date",
		Reason: `two-digit year the catalog cannot place: "18-Dec-09" is 1909 or 2009, and the catalog has "Avatar" in neither; write the year in four digits`}}
	if diff := cmp.Diff(wantErrs, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	if sum.Read != 7 || sum.Imported != 6 {
		t.Errorf("read %d, imported %d; want 7, 6", sum.Read, sum.Imported)
	}
	got := strs(t, st, `SELECT f.slug || ' ' || f.release_date || ' ' || b.budget FROM films f JOIN box_office b ON b.film_id = f.id ORDER BY f.slug`)
	want := []string{
		"gone-with-the-wind-1939 1939-12-15 3900000",
		"intolerance-1916 1916-09-05 380000",
		"john-carter-2012 2012-03-09 250000000",
		"pirates-of-the-caribbean-at-worlds-end-2007 2007-05-24 300000000",
		"pokemon-detective-pikachu-2019 2019-05-10 150000000",
		"titanic-1997 1997-12-19 200000000",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("box office (-want +got):\n%s", diff)
	}
	if n := count(t, st, "films"); n != 6 {
		t.Errorf("%d films, want 6 (5 in the catalog and Gone with the Wind)", n)
	}
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], "2 titles") {
		t.Errorf("notes = %q, want one on the 2 repaired titles", sum.Notes)
	}
}

func TestRepairMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"PokÃ©mon": "Pokémon", "World\u00e2\u0080\u0099s": "World’s", "Worldâ€™s": "World’s", "AmÃ©lie": "Amélie",
		// Left alone: real text with these letters, and text that would
		// not decode.
		"SÃO PAULO": "SÃO PAULO", "Amélie": "Amélie", "plain": "plain", "Éâ": "Éâ", "Ã la carte": "Ã la carte",
	} {
		if got := repairMojibake(in); got != want {
			t.Errorf("repairMojibake(%q) = %q, want %q", in, got, want)
		}
	}
}

// testdata/boxoffice/bom-gross.csv has the shape of the widely shared
// scrape of Box Office Mojo: a year column, and "(2010)" in a title where
// Box Office Mojo tells same-named films apart.
func TestImportBoxOfficeMojoScrape(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	putFilms(t, st, titleYear{"Alice in Wonderland", 2010}, titleYear{"Alice in Wonderland", 1951}, titleYear{"Toy Story 3", 2010},
		titleYear{"Un prophète", 2009})
	m, err := ParseBoxOfficeMap("title=title,year=year,domestic=domestic_gross")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/bom-gross.csv", BoxOfficeOptions{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || sum.Read != 5 || sum.Imported != 5 {
		t.Errorf("read %d, imported %d, errors %v; want 5, 5, none", sum.Read, sum.Imported, sum.RowErrors)
	}
	got := strs(t, st, `SELECT f.title || ' | ' || f.slug || ' | ' || g.amount FROM films f JOIN box_office_grosses g ON g.film_id = f.id AND g.territory = 'domestic' ORDER BY f.slug`)
	want := []string{
		"Alice in Wonderland | alice-in-wonderland-2010 | 334000000",
		"Flipped | flipped-2010 | 1800000",
		"Toy Story 3 | toy-story-3-2010 | 415000000",
		"Un prophète | un-prophete-2009 | 2100000",
		`Waiting for "Superman" | waiting-for-superman-2010 | 6400000`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("box office (-want +got):\n%s", diff)
	}
	// "A Prophet (Un prophète)" found the film by its original title a
	// year off: a fuzzy match, listed for review.
	if len(sum.Matches) != 1 || sum.Matches[0].Title != "A Prophet (Un prophète)" {
		t.Errorf("matches for review = %+v, want the one of A Prophet", sum.Matches)
	}
}

// TMDb's table writes 0 for what it does not know, the running time too:
// such a row is read, its running time unknown, not refused.
func TestImportBoxOfficeTMDbTable(t *testing.T) {
	st := newStore(t)
	m, err := ParseBoxOfficeMap("title=title,release_date=release_date,budget=budget,worldwide=revenue,rating=vote_average,votes=vote_count,runtime=runtime")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(context.Background(), st, "testdata/boxoffice/tmdb-movies.csv", BoxOfficeOptions{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || sum.Imported != 3 {
		t.Errorf("imported %d, errors %v; want 3, none", sum.Imported, sum.RowErrors)
	}
	got := strs(t, st, `SELECT slug || ' ' || runtime_min || ' ' || rating_avg || ' ' || rating_votes FROM films ORDER BY slug`)
	want := []string{"america-is-still-the-place 0 0.0 0", "avatar-2009 162 7.2 11800", "to-be-frank-2014 0 0.0 0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("films (-want +got):\n%s", diff)
	}
}

// A user who knows the table's span says in which hundred years its
// two-digit years fall: every row is then dated without the catalog, as
// stated (Intolerance, of 1916, is outside 1921–2020 and is read as 2016).
func TestImportBoxOfficeTwoDigitFrom(t *testing.T) {
	st := newStore(t)
	m, err := ParseBoxOfficeMap("title=movie,release_date=release_date,budget=production_budget")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(context.Background(), st, "testdata/boxoffice/tn-budgets.csv", BoxOfficeOptions{Map: m, LastYear: 2026, TwoDigitFrom: 1921})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || sum.Imported != 7 {
		t.Errorf("imported %d, errors %v; want 7, none", sum.Imported, sum.RowErrors)
	}
	got := strs(t, st, `SELECT slug || ' ' || release_date FROM films ORDER BY release_date`)
	want := []string{
		"gone-with-the-wind-1939 1939-12-15", "titanic-1997 1997-12-19", "pirates-of-the-caribbean-at-worlds-end-2007 2007-05-24",
		"avatar-2009 2009-12-18", "john-carter-2012 2012-03-09", "intolerance-2016 2016-09-05", "pokemon-detective-pikachu-2019 2019-05-10",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("films (-want +got):\n%s", diff)
	}
}
