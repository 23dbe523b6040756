package catalog

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkCSVReader reads a ratings.csv of 100,000 rows, MovieLens's
// layout, through the CSV reader alone (no database).
func BenchmarkCSVReader(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("userId,movieId,rating,timestamp\n")
	for i := range 100000 {
		fmt.Fprintf(&buf, "%d,%d,%d.5,%d\n", i/50+1, i%9000+1, i%5, 1147880044+i)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		in, err := newInput("ratings.csv", bytes.NewReader(data), nopCloser{}, int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		c, err := newCSV(in, "userId", "movieId", "rating", "timestamp")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			ok, rowErr, err := c.next()
			if err != nil || rowErr != nil {
				b.Fatal(err, rowErr)
			}
			if !ok {
				break
			}
			n++
		}
		if n != 100000 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkTSVReader reads a title.basics-shaped file of 100,000 lines
// through the TSV reader alone.
func BenchmarkTSVReader(b *testing.B) {
	var buf bytes.Buffer
	header := "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres"
	buf.WriteString(header + "\n")
	for i := range 100000 {
		fmt.Fprintf(&buf, "tt%07d\tmovie\tA Title %d\tA Title %d\t0\t%d\t\\N\t%d\tComedy,Drama\n", i, i, i, 1950+i%70, 80+i%60)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		in, err := newInput("title.basics.tsv", bytes.NewReader(data), nopCloser{}, int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		t := &tsv{input: in, lr: lineReader{r: in.r}}
		if _, _, err := t.lr.next(); err != nil {
			b.Fatal(err)
		}
		t.columns = strings.Split(header, "\t")
		t.want = len(t.columns)
		n := 0
		for {
			ok, rowErr := t.next()
			if !ok {
				break
			}
			if rowErr != nil {
				b.Fatal(rowErr)
			}
			n++
		}
		if n != 100000 {
			b.Fatalf("%d lines", n)
		}
	}
}
