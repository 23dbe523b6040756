package catalog

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"

	"marquee/internal/film"
)

// NFOs in the shapes real tools write them, each reduced to the elements
// that decide the case. The real files they mirror are named; the values
// are our own.
func TestParseNFOWrittenByTools(t *testing.T) {
	utf16 := func(s string) string {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name string
		in   string
		want *NFO
	}{
		{
			// Kodi 19's library export (bernmic/nforeader's movie.nfo):
			// a TMDb number in <id>, <uniqueid> of both kinds, three
			// <rating>s, <set> with children, <tag>, <fileinfo>, many
			// empty elements.
			name: "kodi 19 export",
			in: `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<movie>
    <title>Zack&apos;s Film</title>
    <ratings>
        <rating name="imdb" max="10" default="true"><value>8.300000</value><votes>197786</votes></rating>
        <rating name="themoviedb" max="10"><value>8.700000</value><votes>3461</votes></rating>
    </ratings>
    <userrating>0</userrating>
    <outline></outline>
    <tagline></tagline>
    <lastplayed></lastplayed>
    <id>791373</id>
    <uniqueid type="imdb">tt12361974</uniqueid>
    <uniqueid type="tmdb" default="true">791373</uniqueid>
    <tag>TV Recording</tag>
    <set><name>A Collection</name><overview>About it</overview></set>
    <status></status><code></code><aired></aired>
    <fileinfo><streamdetails><video><codec>hevc</codec><durationinseconds>14528</durationinseconds></video></streamdetails></fileinfo>
    <premiered>2021-03-18</premiered>
    <dateadded>2021-03-26 11:35:50</dateadded>
</movie>`,
			want: &NFO{Root: "movie", Title: "Zack's Film", IMDb: "tt12361974", TMDB: 791373, Premiered: "2021-03-18",
				Ratings: []NFORating{{Name: "imdb", Value: 8.3, Votes: 197786, Max: 10, Default: true}, {Name: "themoviedb", Value: 8.7, Votes: 3461, Max: 10}}},
		},
		{
			// tinyMediaManager 4: ratings with default="false" first,
			// uniqueids of several kinds (wikidata too), an empty <set/>,
			// people with tmdbid attributes, its own meta data after a
			// comment, a runtime with its unit as older scrapers wrote it.
			name: "tinymediamanager 4",
			in: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!--created on 2020-01-12 14:01:49 - tinyMediaManager 4.0-->
<movie>
  <title>Avatar</title>
  <originaltitle/>
  <year>2009</year>
  <ratings>
    <rating default="false" max="10" name="imdb"><value>0.0</value><votes>0</votes></rating>
    <rating default="true" max="10" name="themoviedb"><value>7.5</value><votes>29000</votes></rating>
  </ratings>
  <userrating>0.0</userrating>
  <set/>
  <runtime>162 minutes</runtime>
  <id>tt0499549</id>
  <tmdbid>19995</tmdbid>
  <uniqueid default="false" type="tmdb">19995</uniqueid>
  <uniqueid default="true" type="imdb">tt0499549</uniqueid>
  <uniqueid default="false" type="wikidata">Q24871</uniqueid>
  <credits tmdbid="2710">James Cameron</credits>
  <director tmdbid="2710">James Cameron</director>
  <actor><name>Sam Worthington</name><role>Jake Sully</role><thumb/><profile>https://www.themoviedb.org/person/65731</profile><tmdbid>65731</tmdbid></actor>
  <producer><name>Jon Landau</name><role>Producer</role></producer>
  <!--tinyMediaManager meta data-->
  <source>BLURAY</source>
  <user_note/>
</movie>`,
			want: &NFO{Root: "movie", Title: "Avatar", Year: 2009, Runtime: 162, IMDb: "tt0499549", TMDB: 19995,
				Directors: []string{"James Cameron"}, Writers: []string{"James Cameron"},
				Actors:  []NFOActor{{Name: "Sam Worthington", Role: "Jake Sully", Order: -1}},
				Ratings: []NFORating{{Name: "imdb", Max: 10}, {Name: "themoviedb", Value: 7.5, Votes: 29000, Max: 10, Default: true}}},
		},
		{
			// Scripts that fill a template write the element whether or not
			// they have the id: <uniqueid type="imdb"></uniqueid>, <imdbid/>,
			// <tmdbid>0</tmdbid>.
			name: "empty and placeholder ids",
			in: `<movie><title>P</title><uniqueid type="tmdb" default="true">496243</uniqueid>` +
				`<uniqueid type="imdb"></uniqueid><uniqueid type="tvdb"/><imdbid/><imdb_id>None</imdb_id><id>-1</id><tmdbid>0</tmdbid></movie>`,
			want: &NFO{Root: "movie", Title: "P", TMDB: 496243},
		},
		{
			// Plots scraped from web pages keep HTML's named entities.
			name: "html entities",
			in:   `<movie><title>Am&eacute;lie</title><plot>A&nbsp;girl &ndash; in Paris &amp; more.</plot></movie>`,
			want: &NFO{Root: "movie", Title: "Amélie", Plot: "A\u00a0girl – in Paris & more."},
		},
		{
			// Windows PowerShell 5's Out-File and Set-Content -Encoding
			// Unicode: UTF-16LE with a BOM, CRLF, a declaration saying so.
			name: "utf-16 with bom",
			in:   utf16("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<movie>\r\n  <title>Caf\u00e9</title>\r\n  <id>tt0133093</id>\r\n</movie>\r\n"),
			want: &NFO{Root: "movie", Title: "Café", IMDb: "tt0133093"},
		},
		{
			name: "windows-1252 without a declaration",
			in:   "<movie>\n<title>Caf\xe9 \x96 Cr\xe8me</title>\n</movie>\n",
			want: &NFO{Root: "movie", Title: "Café – Crème"},
		},
		{
			// Emby and tinyMediaManager write dates they keep as times.
			name: "dates with a time of day, votes grouped with dots",
			in: "<movie><title>I</title><premiered>2010-07-15 00:00:00</premiered><releasedate>2010-07-16T00:00:00Z</releasedate>" +
				"<rating>8.8</rating><votes>2.345.678</votes></movie>",
			want: &NFO{Root: "movie", Title: "I", Premiered: "2010-07-15", Ratings: []NFORating{{Name: "default", Value: 8.8, Votes: 2345678, Max: 10}}},
		},
		{
			name: "an actor without a name is left out and noted",
			in:   "<movie><title>X</title>\n<actor><name></name><role>Extra</role></actor><actor><name>A</name><thumb/></actor></movie>",
			want: &NFO{Root: "movie", Title: "X", Actors: []NFOActor{{Name: "A", Order: -1}},
				Notes: []string{`line 2: an <actor> without a <name> (role "Extra") was left out`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNFO([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseNFO (-want +got):\n%s", diff)
			}
		})
	}
}

// The fallbacks must not hide real mistakes.
func TestParseNFOEncodingErrorsStay(t *testing.T) {
	for name, in := range map[string]string{
		"declared utf-8, not utf-8": "<?xml version=\"1.0\" encoding=\"UTF-8\"?><movie><title>Caf\xe9</title></movie>",
		"unknown entity":            "<movie><title>&notanentity;</title></movie>",
		"bad date":                  "<movie><premiered>15.07.2010</premiered></movie>",
		"bad imdb id":               "<movie><uniqueid type=\"imdb\">nm0000001</uniqueid></movie>",
	} {
		if _, err := ParseNFO([]byte(in)); err == nil {
			t.Errorf("%s: parsed without an error", name)
		}
	}
}

func TestBestRatingSkipsEmptyRatings(t *testing.T) {
	tests := []struct {
		name string
		in   []NFORating
		want film.Rating
	}{
		{"imdb without a value does not hide the default",
			[]NFORating{{Name: "imdb", Max: 10}, {Name: "themoviedb", Value: 7.5, Votes: 29000, Max: 10, Default: true}},
			film.Rating{Average: 7.5, Votes: 29000}},
		{"imdb with a value wins", []NFORating{{Name: "trakt", Value: 8, Max: 10, Default: true}, {Name: "imdb", Value: 7.9, Votes: 5, Max: 10}},
			film.Rating{Average: 7.9, Votes: 5}},
		{"first with a value when none is default", []NFORating{{Name: "a", Max: 10}, {Name: "b", Value: 60, Max: 100}},
			film.Rating{Average: 6}},
		{"none has a value", []NFORating{{Name: "imdb", Max: 10}}, film.Rating{}},
	}
	for _, tt := range tests {
		if got := bestRating(tt.in); got != tt.want {
			t.Errorf("%s: bestRating = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// Jellyfin names a film's pictures "Title (Year)-backdrop.jpg" beside
// movie.nfo, and its second backdrop backdrop1.jpg when the first is gone.
func TestScanLibraryJellyfinBackdrops(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"King Kong (2005)/movie.nfo", "King Kong (2005)/King Kong (2005)-backdrop.jpg",
		"Heat (1995)/movie.nfo", "Heat (1995)/backdrop1.jpg"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries, _, err := scanLibrary(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, e := range entries {
		for _, b := range e.backdrops {
			got[e.rel] = append(got[e.rel], relSlash(root, b))
		}
	}
	want := map[string][]string{
		"Heat (1995)/movie.nfo":      {"Heat (1995)/backdrop1.jpg"},
		"King Kong (2005)/movie.nfo": {"King Kong (2005)/King Kong (2005)-backdrop.jpg"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("backdrops (-want +got):\n%s", diff)
	}
}
