package memberio

import (
	"strings"
	"testing"
)

// A quote error is a malformed row naming the line its record starts on,
// never a panic (encoding/csv has no field positions for a record it could
// not read; asking for them panicked).
func TestReadIMDbQuoteErrors(t *testing.T) {
	tests := []struct {
		in       string
		rows     int
		badLines []int
	}{
		{"Const,Your Rating,Date Rated\n\"tt0000001,5,2020-01-01\n", 0, []int{2}},
		{"Const,Your Rating,Date Rated\ntt0000001,5,2020-01-01\n\"tt0000002,6,2020-01-01\ntt0000003,6,2020-01-01\n", 1, []int{3}},
		{"Const,Your Rating,Date Rated\ntt0000001,5,2020-01-01\ntt0\"000002,6,2020-01-01\ntt0000003,6,2020-01-01\n", 2, []int{3}},
	}
	for _, tt := range tests {
		rows, bad, err := ReadIMDb(strings.NewReader(tt.in), "ratings.csv", true)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		var lines []int
		for _, b := range bad {
			lines = append(lines, b.Line)
		}
		if len(rows) != tt.rows || len(lines) != len(tt.badLines) || len(lines) > 0 && lines[0] != tt.badLines[0] {
			t.Errorf("%q: %d rows, malformed at %v; want %d rows, malformed at %v", tt.in, len(rows), lines, tt.rows, tt.badLines)
		}
	}
}

func FuzzReadIMDb(f *testing.F) {
	for _, s := range []string{
		"Const,Your Rating,Date Rated\ntt0000001,5,2020-01-01\n",
		"Const,Your Rating,Date Rated\n\"tt1\n",
		"\ufeffPosition,Const,Created,Title,Year\r\n1,tt0133093,2020-01-02,\"The Matrix\",1999\r\n",
		`"position","const","created","You rated","Year"` + "\n" + `"1","tt1446714","Thu Jun 14 00:00:00 2012","7","2012"` + "\n",
		"\xff\xfeC\x00o\x00n\x00s\x00t\x00\n\x00",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, b []byte, ratings bool) {
		rows, bad, err := ReadIMDb(strings.NewReader(string(b)), "f.csv", ratings)
		if err != nil {
			return
		}
		for _, r := range rows {
			if !validIMDb(r.Const) || r.Line < 2 {
				t.Fatalf("row %+v passed", r)
			}
			if ratings && (r.Rating < 1 || r.Rating > 10) {
				t.Fatalf("rating %v passed", r.Rating)
			}
		}
		for _, e := range bad {
			if e.Line < 1 || e.Reason == "" {
				t.Fatalf("malformed row without a line or reason: %+v", e)
			}
		}
	})
}
