package memberio

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

// IMDb's "Your ratings" and list exports as the site has written them. The
// headers are IMDb's, as quoted by tools that read them (RatS, imdb2filmtipset,
// letterboxd-to-imdb converters); the rows are our own.
func TestReadIMDbExportGenerations(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		ratings bool
		want    []IMDbRow
	}{
		{
			name: "before 2017: lower-case names, You rated, asctime dates",
			in: `"position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"` + "\n" +
				`"1","tt2381941","Sun Mar  1 00:00:00 2015","","","Focus","Feature Film","Glenn Ficarra, John Requa","6","7.0","104","2015","comedy, crime","3467","2015-02-25","http://www.imdb.com/title/tt2381941/"` + "\n" +
				`"2","tt1259521","Tue Jan 20 00:00:00 2015","","","The Cabin in the Woods","Feature Film","Drew Goddard","7","7.0","95","2012","horror","232730","2012-03-09","http://www.imdb.com/title/tt1259521/"` + "\n",
			ratings: true,
			want: []IMDbRow{
				{Line: 2, Const: "tt2381941", Title: "Focus", Year: 2015, Rating: 6, Date: "2015-03-01"},
				{Line: 3, Const: "tt1259521", Title: "The Cabin in the Woods", Year: 2012, Rating: 7, Date: "2015-01-20"},
			},
		},
		{
			name: "2017–2023: no Original Title",
			in: "Const,Your Rating,Date Rated,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\n" +
				"tt0111161,9,2021-04-03,The Shawshank Redemption,https://www.imdb.com/title/tt0111161/,movie,9.3,142,1994,Drama,2800000,1994-09-23,Frank Darabont\n",
			ratings: true,
			want:    []IMDbRow{{Line: 2, Const: "tt0111161", Title: "The Shawshank Redemption", Year: 1994, Rating: 9, Date: "2021-04-03"}},
		},
		{
			name: "a list export with the member's ratings (Position first, Your Rating last)",
			in: "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated\n" +
				"1,tt0133093,2020-01-02,2020-01-02,,The Matrix,https://www.imdb.com/title/tt0133093/,movie,8.7,136,1999,Action,2000000,1999-03-31,Lana Wachowski,10,2020-01-03\n",
			ratings: true,
			want:    []IMDbRow{{Line: 2, Const: "tt0133093", Title: "The Matrix", Year: 1999, Rating: 10, Date: "2020-01-03"}},
		},
		{
			name: "a watchlist before 2017",
			in: `"position","const","created","modified","description","Title","Title type","Directors","You rated","IMDb Rating","Runtime (mins)","Year","Genres","Num. Votes","Release Date (month/day/year)","URL"` + "\r\n" +
				`"1","tt1446714","Thu Jun 14 00:00:00 2012","","","Prometheus","Feature Film","Ridley Scott","","7.7","124","2012","sci_fi","59979","2012-05-30","http://www.imdb.com/title/tt1446714/"` + "\r\n",
			want: []IMDbRow{{Line: 2, Const: "tt1446714", Title: "Prometheus", Year: 2012, Date: "2012-06-14"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, bad, err := ReadIMDb(strings.NewReader(tt.in), "ratings.csv", tt.ratings)
			if err != nil {
				t.Fatal(err)
			}
			if len(bad) > 0 {
				t.Fatalf("malformed rows: %v", bad[0])
			}
			if diff := cmp.Diff(tt.want, rows); diff != "" {
				t.Errorf("ReadIMDb (-want +got):\n%s", diff)
			}
		})
	}
}

// A ratings file saved again by a spreadsheet as "Unicode text" is UTF-16
// with a byte order mark.
func TestReadIMDbUTF16(t *testing.T) {
	in := "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\r\n" +
		"tt0211915,8,2024-05-01,Amélie,Le Fabuleux Destin d'Amélie Poulain,https://www.imdb.com/title/tt0211915/,Movie,8.3,122,2001,Comedy,800000,2001-04-25,Jean-Pierre Jeunet\r\n"
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	rows, bad, err := ReadIMDb(strings.NewReader(string(b)), "ratings.csv", true)
	if err != nil || len(bad) > 0 {
		t.Fatalf("err %v, malformed %v", err, bad)
	}
	want := []IMDbRow{{Line: 2, Const: "tt0211915", Title: "Amélie", Year: 2001, Rating: 8, Date: "2024-05-01"}}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("ReadIMDb (-want +got):\n%s", diff)
	}
}

// A bad date is named by the column the file calls it.
func TestReadIMDbBadDateNamesColumn(t *testing.T) {
	in := `"position","const","created","You rated","Title"` + "\n" + `"1","tt2381941","yesterday","6","Focus"` + "\n"
	_, bad, err := ReadIMDb(strings.NewReader(in), "ratings.csv", true)
	if err != nil {
		t.Fatal(err)
	}
	want := []*LineError{{File: "ratings.csv", Line: 2, Field: "created", Reason: `bad date (want YYYY-MM-DD): "yesterday"`}}
	if diff := cmp.Diff(want, bad); diff != "" {
		t.Errorf("malformed rows (-want +got):\n%s", diff)
	}
}
