package catalog

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzLetterboxdList reads arbitrary bytes as a lists/*.csv file: an
// error or a list whose entries have a position, a name and a line.
func FuzzLetterboxdList(f *testing.F) {
	for _, s := range []string{
		"Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2024-01-01,Best,,https://boxd.it/l,\n\nPosition,Name,Year,URL,Description\n1,Heat,1995,https://boxd.it/x,\n",
		"\nDate,Name,Tags,URL,Description\n2019-11-25,Palme,\"a, b\",https://boxd.it/4g5I2,\"two\nlines\"\n\nPosition,Name,Year,URL,Description\n1,\"I, Daniel Blake\",2016,https://boxd.it/d0xa,\n",
		"Date,Name,Year,Letterboxd URI\n2024-01-01,Heat,1995,https://boxd.it/x\n",
		"\ufeffDate,Name,Tags,URL,Description\n\"x\n",
		"Letterboxd list export v7\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := newInput("lists/x.csv", bytes.NewReader(b), nopCloser{}, int64(len(b)))
		if err != nil {
			return
		}
		l, bad, err := readList(in)
		if err != nil {
			return
		}
		if strings.TrimSpace(l.Name) == "" {
			t.Fatal("a list without a name")
		}
		for _, e := range l.Entries {
			if e.Position < 1 || e.Name == "" || e.Line < 1 {
				t.Fatalf("entry %+v", e)
			}
		}
		for _, e := range bad {
			if e.Line < 1 || e.Reason == "" {
				t.Fatalf("malformed row %+v", e)
			}
		}
	})
}

// FuzzBoxOfficeCSV reads arbitrary bytes as a box-office CSV and validates
// every row: a row that passes has a title and a year in range, and a
// release date in that year.
func FuzzBoxOfficeCSV(f *testing.F) {
	for _, s := range []string{
		"title,release_date,year\nAvatar,18-Dec-09,\nTitanic,19-Dec-97,1997\n",
		"title,release_date,year\nAlice in Wonderland (2010),,2010\nPok\xc3\x83\xc2\xa9mon,7-Jun-19,\n",
		"title,release_date,year\nX (1999),29-Feb-00,\n\"Waiting for \"\"Superman\"\"\",,2010\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := newInput("f.csv", bytes.NewReader(b), nopCloser{}, int64(len(b)))
		if err != nil {
			return
		}
		m := map[string]string{"title": "title", "release_date": "release_date", "year": "year"}
		rows, err := newBoxOfficeRows(in, m, m)
		if err != nil {
			return
		}
		defer rows.Close()
		l := &boLoad{opts: BoxOfficeOptions{FirstYear: 1888, LastYear: 2027}, m: m}
		for n := 0; n <= len(b); n++ {
			rec, _, rowErr, err := rows.next()
			if err != nil || rec == nil {
				return
			}
			if rowErr != nil {
				continue
			}
			r, rowErr := l.parse(rec)
			if rowErr != nil {
				continue
			}
			if r.title == "" || !utf8.ValidString(r.title) {
				t.Fatalf("title %q passed", r.title)
			}
			if r.centuries != nil {
				if len(r.centuries) != 2 || r.year != 0 {
					t.Fatalf("undecided row %+v", r)
				}
				continue
			}
			if r.year != 0 && (r.year < 1888 || r.year > 2027) {
				t.Fatalf("year %d passed", r.year)
			}
			if r.date != "" {
				d, err := time.Parse(time.DateOnly, r.date)
				if err != nil || d.Year() != r.year {
					t.Fatalf("date %q in year %d", r.date, r.year)
				}
			}
		}
		t.Fatal("more rows than bytes")
	})
}

// FuzzRepairMojibake: valid UTF-8 stays valid, and ASCII is never changed.
func FuzzRepairMojibake(f *testing.F) {
	for _, s := range []string{"PokÃ©mon", "World\u00e2\u0080\u0099s", "SÃO PAULO", "plain", "Ã"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := repairMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("repairMojibake(%q) = %q, not UTF-8", s, got)
		}
		if got != s && len(got) >= len(s) {
			t.Fatalf("repairMojibake(%q) = %q grew", s, got)
		}
	})
}
