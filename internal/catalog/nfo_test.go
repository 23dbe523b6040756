package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseNFO(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *NFO
		wantErr *NFOError
	}{
		{
			name: "url only",
			in:   "http://www.imdb.com/title/tt0137523/\r\n",
			want: &NFO{Root: "movie", URLOnly: true, IMDb: "tt0137523"},
		},
		{
			name: "tmdb url only",
			in:   "https://www.themoviedb.org/movie/550-fight-club",
			want: &NFO{Root: "movie", URLOnly: true, TMDB: 550},
		},
		{
			name: "combination nfo: XML, then a URL",
			in:   "<movie><title>Fight Club</title></movie>\nhttps://www.imdb.com/title/tt0137523/",
			want: &NFO{Root: "movie", Title: "Fight Club", IMDb: "tt0137523"},
		},
		{
			name: "flat rating and votes, uniqueid of unknown type",
			in: "<movie><title>X</title><rating>7.2</rating><votes>1,001</votes>" +
				`<uniqueid type="unknown">tt0000009</uniqueid><genre>Comedy / Drama</genre></movie>`,
			want: &NFO{Root: "movie", Title: "X", IMDb: "tt0000009", Genres: []string{"Comedy", "Drama"},
				Ratings: []NFORating{{Name: "default", Value: 7.2, Votes: 1001, Max: 10}}},
		},
		{
			name: "an actor without order is billed by position",
			in:   "<movie><title>X</title><actor><name> A </name><role>R</role></actor></movie>",
			want: &NFO{Root: "movie", Title: "X", Actors: []NFOActor{{Name: "A", Role: "R", Order: -1}}},
		},
		{
			name: "tvshow root is read and named",
			in:   "<tvshow><title>S</title></tvshow>",
			want: &NFO{Root: "tvshow", Title: "S"},
		},
		{name: "empty", in: "  \n", wantErr: &NFOError{Line: 1, Reason: "empty file"}},
		{name: "text", in: "my favourite film", wantErr: &NFOError{Line: 1, Reason: "neither XML nor an IMDb or TMDb URL"}},
		{
			name:    "two imdb ids",
			in:      "<movie>\n<id>tt0000001</id>\n<uniqueid type=\"imdb\">tt0000002</uniqueid></movie>",
			wantErr: &NFOError{Line: 3, Field: "uniqueid", Reason: "two different IMDb ids: tt0000001 and tt0000002"},
		},
		{
			name:    "rating above its scale",
			in:      "<movie>\n<ratings>\n<rating name=\"imdb\" max=\"10\"><value>11</value></rating></ratings></movie>",
			wantErr: &NFOError{Line: 2, Field: "ratings", Reason: `not a rating from 0 to 10: "11"`},
		},
		{
			name:    "truncated",
			in:      "<movie>\n<title>X</title>\n<plot>cut off",
			wantErr: &NFOError{Line: 3, Reason: "not well-formed XML: unexpected EOF"},
		},
		{
			name:    "unknown encoding",
			in:      `<?xml version="1.0" encoding="x-made-up"?><movie/>`,
			wantErr: &NFOError{Line: 1, Reason: `not readable XML: xml: opening charset "x-made-up": unknown encoding "x-made-up"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNFO([]byte(tt.in))
			if tt.wantErr != nil {
				if diff := cmp.Diff(tt.wantErr, err); diff != "" {
					t.Fatalf("error (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseNFO (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCertification(t *testing.T) {
	for in, want := range map[string]string{
		"Rated R": "R", "US:PG-13": "PG-13", "USA:Rated PG": "PG", "R": "R", "de:FSK 12": "", "": "",
		// Kodi scrapers name the country in full (a real NFO of 2021 has
		// "Australia:M"), IMDb's scraper writes the reason after the
		// rating, and Kodi joins several values with " / ".
		"Australia:M": "", "United States:PG-13": "PG-13", "Rated R for strong violence and language": "R",
		"Germany:16 / US:R": "R", "US:Rated PG-13 for some sensuality": "PG-13",
	} {
		if got := certification(in); got != want {
			t.Errorf("certification(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseNFO(f *testing.F) {
	files, _ := filepath.Glob("testdata/nfo/library/*/*.nfo")
	more, _ := filepath.Glob("testdata/nfo/library/*/*/*.nfo")
	people, _ := filepath.Glob("testdata/nfo/people/metadata/People/*/*/person.nfo")
	for _, p := range append(append(files, more...), people...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("https://www.imdb.com/title/tt5649144/"))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><movie><title>Caf\xe9</title></movie>`))
	f.Add([]byte("\xff\xfe<\x00m\x00o\x00v\x00i\x00e\x00/\x00>\x00"))
	f.Add([]byte("<movie><title>Caf\xe9 &eacute;</title><uniqueid type=\"imdb\"/><premiered>2010-07-15 00:00:00</premiered></movie>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseNFO(data)
		if err != nil {
			if _, ok := err.(*NFOError); !ok {
				t.Fatalf("error is %T, not *NFOError: %v", err, err)
			}
			return
		}
		if n.Root == "" {
			t.Fatal("parsed without a root element")
		}
		if n.IMDb != "" && !imdbIDRe.MatchString(n.IMDb) {
			t.Fatalf("IMDb id %q", n.IMDb)
		}
		if p := n.Person; p != nil {
			if p.Name == "" || (p.IMDb != "" && !imdbNameRe.MatchString(p.IMDb)) {
				t.Fatalf("person %+v", p)
			}
			if strings.ContainsAny(p.Biography, "<>") && anyTagRe.MatchString(p.Biography) {
				t.Fatalf("biography keeps markup: %q", p.Biography)
			}
		}
	})
}
