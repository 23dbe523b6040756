package catalog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestImportBoxOfficeVega(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	// The dataset covers releases up to 2010 and two announced for 2011;
	// dates beyond are two-digit years read in the wrong century.
	opts := BoxOfficeOptions{LastYear: 2011}
	sum, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/vega-movies.json", opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3201 || sum.Imported != 3178 || sum.Errors != 23 {
		t.Errorf("read %d, imported %d, errors %d; want 3201, 3178, 23", sum.Read, sum.Imported, sum.Errors)
	}
	first := []RowError{
		{File: "vega-movies.json", Row: 10, Field: "Release Date", Reason: "implausible date 2046-12-31: outside 1888–2011"},
		{File: "vega-movies.json", Row: 16, Field: "Release Date", Reason: "implausible date 2020-09-17: outside 1888–2011"},
	}
	if diff := cmp.Diff(first, sum.RowErrors[:2]); diff != "" {
		t.Errorf("first errors (-want +got):\n%s", diff)
	}
	last := RowError{File: "vega-movies.json", Row: 3054, Field: "Title", Reason: "missing title"}
	if diff := cmp.Diff(last, sum.RowErrors[len(sum.RowErrors)-1]); diff != "" {
		t.Errorf("last error (-want +got):\n%s", diff)
	}
	if got := last.Error(); got != "vega-movies.json: row 3054 (index 3053): field Title: missing title" {
		t.Errorf("message = %q", got)
	}
	// A good row in full; "1941" is a title JSON wrote as a number.
	b, err := st.GetBoxOffice(ctx, "the-land-girls-1998")
	if err != nil {
		t.Fatal(err)
	}
	if b.Budget != 8000000 || b.Total() != 146083 {
		t.Errorf("The Land Girls box office = %+v", b)
	}
	if _, err := st.GetFilm(ctx, "1941-1979"); err != nil {
		t.Errorf("1941 (1979): %v", err)
	}
	// Importing again updates in place.
	films := count(t, st, "films")
	if _, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/vega-movies.json", opts); err != nil {
		t.Fatal(err)
	}
	if got := count(t, st, "films"); got != films {
		t.Errorf("films after re-import = %d, want %d", got, films)
	}
}

func TestImportBoxOfficeCSVWithMap(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	films := count(t, st, "films")
	m, err := ParseBoxOfficeMap("title=Film,year=Year,budget=Budget,domestic=Domestic,worldwide=Worldwide")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/small.csv", BoxOfficeOptions{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	want := []RowError{
		{File: "small.csv", Line: 4, Field: "Year", Reason: "implausible year 20x5"},
		{File: "small.csv", Line: 5, Field: "Budget", Reason: "negative amount -5"},
		{File: "small.csv", Line: 6, Reason: "duplicate row: same title and date as line 2"},
	}
	if diff := cmp.Diff(want, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	if got := count(t, st, "films"); got != films {
		t.Errorf("films = %d, want %d: both rows match IMDb films", got, films)
	}
	b, err := st.GetBoxOffice(ctx, "tangerine-2015")
	if err != nil || b.Budget != 100000 || b.Total() != 824000 {
		t.Errorf("Tangerine box office = %+v, %v", b, err)
	}
}

func TestParseBoxOfficeMapRejectsUnknownFields(t *testing.T) {
	if _, err := ParseBoxOfficeMap("gross=US Gross"); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := ParseBoxOfficeMap("title"); err == nil {
		t.Error("missing = accepted")
	}
}

// The Numbers' layout: the BOM before the quoted header once hid the
// first column ("Release Date"), so every date was lost without a word
// and the films were matched by title alone.
func TestImportBoxOfficeTheNumbersLayout(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	m, err := ParseBoxOfficeMap("title=Movie,release_date=Release Date,budget=Production Budget,domestic=Domestic Gross,worldwide=Worldwide Gross")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(ctx, st, "testdata/boxoffice/the-numbers.csv", BoxOfficeOptions{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || sum.Imported != 3 || len(sum.Matches) != 0 {
		t.Fatalf("errors %d (%v), imported %d, fuzzy matches %v; want 0, 3 and none", sum.Errors, sum.RowErrors, sum.Imported, sum.Matches)
	}
	f, err := st.GetFilm(ctx, "the-florida-project-2017")
	if err != nil || f.ReleaseDate != "2017-10-06" {
		t.Errorf("The Florida Project release date = %q, %v; want 2017-10-06", f.ReleaseDate, err)
	}
	b, err := st.GetBoxOffice(ctx, "the-florida-project-2017")
	if err != nil || b.Budget != 2000000 || b.Total() != 11292476 {
		t.Errorf("The Florida Project box office = %+v, %v", b, err)
	}
}

// A column named in --map that the header lacks is an error before
// anything is read, not a field left empty on every row.
func TestImportBoxOfficeMapNamesMissingColumn(t *testing.T) {
	st := newStore(t)
	m, err := ParseBoxOfficeMap("title=Movie,release_date=Released")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ImportBoxOffice(context.Background(), st, "testdata/boxoffice/the-numbers.csv", BoxOfficeOptions{Map: m})
	if err == nil || !strings.Contains(err.Error(), "missing column(s) Released") {
		t.Fatalf("err = %v, want one naming the missing column Released", err)
	}
}

func TestParseDateLayouts(t *testing.T) {
	for in, want := range map[string]string{
		"Jun 12 1998": "1998-06-12", "Dec 18, 2009": "2009-12-18", "2009-12-18": "2009-12-18",
		"2009-12-18 00:00:00": "2009-12-18", "2009-12-18T00:00:00": "2009-12-18", "18 December 2009": "2009-12-18",
		"December 18 2009": "2009-12-18", "12/18/2009": "2009-12-18",
	} {
		d, _, err := parseDate(in)
		if err != nil || d.Format(time.DateOnly) != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	if _, _, err := parseDate("18/12/2009"); err == nil {
		t.Error("a day-first date was read")
	}
}

// JSON Lines, as a dataframe's to_json(orient="records", lines=True)
// writes it; and its default orient, a table by columns, refused whole.
func TestImportBoxOfficeJSONLines(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lines := filepath.Join(dir, "grosses.jsonl")
	if err := os.WriteFile(lines, []byte("\ufeff"+`{"Title":"Tangerine","Release Date":"2015-07-10","US Gross":702354,"Worldwide Gross":824000}`+"\n"+
		`{"Title":"Red Rocket","Release Date":"2021-12-10","US Gross":"$1,600,000"}`+"\n"+
		`{"Title":"","US Gross":1}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := newStore(t)
	if _, err := ImportIMDb(ctx, st, "testdata/imdb/ok", IMDbOptions{}); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(ctx, st, lines, BoxOfficeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []RowError{{File: "grosses.jsonl", Row: 3, Field: "Title", Reason: "missing title"}}
	if diff := cmp.Diff(want, sum.RowErrors); diff != "" {
		t.Errorf("row errors (-want +got):\n%s", diff)
	}
	if sum.Imported != 2 {
		t.Errorf("imported %d, want 2", sum.Imported)
	}
	if b, err := st.GetBoxOffice(ctx, "red-rocket-2021"); err != nil || b.Total() != 1600000 {
		t.Errorf("Red Rocket box office = %+v, %v", b, err)
	}

	columns := filepath.Join(dir, "columns.json")
	if err := os.WriteFile(columns, []byte(`{"Title":{"0":"Tangerine","1":"Red Rocket"},"US Gross":{"0":702354,"1":1600000}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before := count(t, st, "box_office")
	_, err = ImportBoxOffice(ctx, st, columns, BoxOfficeOptions{})
	if err == nil || !strings.Contains(err.Error(), "a JSON object of columns") {
		t.Fatalf("err = %v, want the table by columns refused", err)
	}
	if n := count(t, st, "box_office"); n != before {
		t.Errorf("box_office rows %d → %d after a refused file", before, n)
	}
}

// A JSON array saved with a BOM (Windows Notepad) was read as CSV.
func TestImportBoxOfficeJSONArrayWithBOM(t *testing.T) {
	p := filepath.Join(t.TempDir(), "movies.json")
	if err := os.WriteFile(p, []byte("\ufeff[\n"+`{"Title":"Tangerine","Year":2015,"US Gross":702354}`+"\n]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := ImportBoxOffice(context.Background(), newStore(t), p, BoxOfficeOptions{Options: Options{DryRun: true}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 1 || sum.Errors != 0 {
		t.Errorf("read %d, errors %d (%v); want 1 and 0", sum.Read, sum.Errors, sum.RowErrors)
	}
}
