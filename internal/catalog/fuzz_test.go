package catalog

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzz targets feed every reader arbitrary bytes: none may panic or
// loop, and every record read is accounted for by a line number that
// only grows. Interesting inputs found are kept in testdata/fuzz.

func FuzzCSV(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,b\n\"\n", "\"", "a,b\r\n\"x\r\ny\",2\r\n", "\ufeffa,b,,\n1,2,,\n", "a,b\n\"x\"y,2\n\"\"\"\n",
		"\ufeff\"a\";\"b\"\n1;\"x;y\"\n", "a\tb\n1\t\"x\ty\"\n", "\xff\xfea\x00,\x00b\x00\n\x001\x00,\x00\xe9\x00\n\x00", "\xfe\xff\x00a\x00\n\x00\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := newInput("f.csv", bytes.NewReader(b), nopCloser{}, int64(len(b)))
		if err != nil {
			return
		}
		c, err := newCSV(in, "a")
		if err != nil {
			return
		}
		last := c.line
		for n := 0; ; n++ {
			ok, rowErr, err := c.next()
			if err != nil || !ok {
				return
			}
			if c.line < last && rowErr == nil {
				// a re-read line after an unclosed quote may be earlier than
				// the failed record's start only by being after it
				t.Fatalf("line went back from %d to %d", last, c.line)
			}
			last = max(last, c.line)
			if n > len(b)+2 {
				t.Fatalf("more records (%d) than bytes (%d)", n, len(b))
			}
		}
	})
}

// FuzzTSVHeader reads a file through openTSV, whose header may reorder
// the wanted columns or add others.
func FuzzTSVHeader(f *testing.F) {
	for _, s := range []string{"a\tb\n1\t2\n", "b\tx\ta\r\n1\t2\t3\n\n4\t5\n", "b\ta\ta\n1\t2\t3\n", "\ufeffb\ta\n\\N\t\xff\n", "x\n"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "f.tsv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		tv, err := openTSV(p, "a\tb")
		if err != nil {
			return
		}
		defer tv.Close()
		for n := 0; ; n++ {
			ok, rowErr := tv.next()
			if !ok {
				return
			}
			if rowErr == nil && len(tv.fields) != 2 {
				t.Fatalf("accepted %d fields", len(tv.fields))
			}
			if n > len(b)+1 {
				t.Fatal("more lines than bytes")
			}
		}
	})
}

func FuzzTSV(f *testing.F) {
	for _, s := range []string{"a\tb\n1\t2\n", "\ufeffa\tb\r\n\\N\t\xff\n", "a\tb\n\n\n1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := newInput("f.tsv", bytes.NewReader(b), nopCloser{}, int64(len(b)))
		if err != nil {
			return
		}
		tv := &tsv{input: in, lr: lineReader{r: in.r}, want: 2, columns: []string{"a", "b"}}
		for n := 0; ; n++ {
			ok, rowErr := tv.next()
			if !ok {
				return
			}
			if rowErr == nil && len(tv.fields) != 2 {
				t.Fatalf("accepted %d fields", len(tv.fields))
			}
			if n > len(b)+1 {
				t.Fatal("more lines than bytes")
			}
		}
	})
}

func FuzzBoxOfficeJSON(f *testing.F) {
	for _, s := range []string{`[{"Title":"Heat","Year":1995}]`, `[1,{"a":[]},"x"]`, `[{"Title":"`, "\ufeff[]", "[{}",
		"{\"Title\":\"Heat\"}\n{\"Title\":1}\n", "\ufeff{}{}", `{"Title":{"0":"Heat"}}`, "{\"a\":1}\n[1]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := newInput("f.json", bytes.NewReader(b), nopCloser{}, int64(len(b)))
		if err != nil {
			return
		}
		rows, err := newBoxOfficeRows(in, DefaultBoxOfficeMap, nil)
		if err != nil {
			return
		}
		for n := 0; n <= len(b); n++ {
			rec, _, _, err := rows.next()
			if err != nil || rec == nil {
				return
			}
			rec("Title")
		}
		t.Fatal("more rows than bytes")
	})
}

// FuzzLetterboxdZip reads every Letterboxd file of an arbitrary ZIP.
func FuzzLetterboxdZip(f *testing.F) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"watched.csv": "Date,Name,Year,Letterboxd URI\n2024-01-01,Heat,1995,https://boxd.it/x\n",
		"deleted/ratings.csv": "garbage", "lists/best.csv": "Letterboxd list export v7\n"} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		src := zipSource{r: zr, c: nopCloser{}}
		for _, lf := range letterboxdFiles {
			in, err := src.open(lf.name)
			if err != nil || in == nil {
				continue
			}
			c, err := newCSV(in, lf.cols...)
			if err != nil {
				if strings.Contains(err.Error(), "panic") {
					t.Fatal(err)
				}
				continue
			}
			for {
				ok, _, err := c.next()
				if err != nil || !ok {
					break
				}
			}
		}
	})
}
