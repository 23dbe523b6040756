package catalog

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readAll reads every record of a CSV text, returning the records and
// the row errors as "line: reason".
func readAll(t *testing.T, text string, cols ...string) ([][]string, []string) {
	t.Helper()
	in, err := newInput("t.csv", strings.NewReader(text), nopCloser{}, int64(len(text)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCSV(in, cols...)
	if err != nil {
		t.Fatal(err)
	}
	var recs [][]string
	var errs []string
	for {
		ok, rowErr, err := c.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return recs, errs
		}
		if rowErr != nil {
			errs = append(errs, fmt.Sprintf("%d: %s", rowErr.Line, rowErr.Reason))
			continue
		}
		recs = append(recs, append([]string(nil), c.rec[:c.width]...))
	}
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		recs [][]string
		errs []string
	}{
		{"stray quote costs its line only",
			"a,b\n1,x\n\"2,y\n3,z\n4,w\n",
			[][]string{{"1", "x"}, {"3", "z"}, {"4", "w"}},
			[]string{"3: bad CSV: quoted field not closed before the end of the file; only this line skipped"}},
		{"unclosed quote in the first field of the first record",
			"a,b\n\"\n",
			nil,
			[]string{"2: bad CSV: quoted field not closed before the end of the file; only this line skipped"}},
		{"quoted newlines and doubled quotes",
			"a,b\r\n\"multi\r\nline\",\"say \"\"hi\"\"\"\r\n5,\"\"\r\n",
			[][]string{{"multi\nline", `say "hi"`}, {"5", ""}},
			nil},
		{"BOM, spreadsheet trailing columns, empty lines",
			"\ufeffa,b,,,\n1,2,,,\n\n3,4\n5,6,7\n",
			[][]string{{"1", "2"}, {"3", "4"}},
			[]string{"5: wrong column count: 3 columns, want 2"}},
		{"BOM before a quoted header",
			"\ufeff\"a\",\"b\"\n1,2\n",
			[][]string{{"1", "2"}},
			nil},
		{"quote inside an unquoted field is text",
			"a,b\nWho's \"that\" girl,1\n",
			[][]string{{`Who's "that" girl`, "1"}},
			nil},
		{"text after a closing quote",
			"a,b\n\"x\"y,1\n2,3\n",
			[][]string{{"2", "3"}},
			[]string{"2: bad CSV: text after the closing quote of field 1"}},
		{"too few columns, invalid UTF-8",
			"a,b\n1\n\xff,2\n",
			nil,
			[]string{"2: wrong column count: 1 columns, want 2", `3: invalid UTF-8 "\xff" (a spreadsheet's plain "CSV" is in the Windows code page: save as "CSV UTF-8")`}},
		// A spreadsheet in a locale with decimal commas saves "CSV" with
		// semicolons; its "Unicode text" is UTF-16 with tabs.
		{"semicolons, found in the header",
			"\ufeff\"a\";\"b\"\r\n1;\"x;y, z\"\r\n2,5;w\r\n",
			[][]string{{"1", "x;y, z"}, {"2,5", "w"}},
			nil},
		{"tabs, found in the header",
			"a\tb\n1\t\"x\ty\"\n",
			[][]string{{"1", "x\ty"}},
			nil},
		{"commas in the header: a semicolon in a row is text",
			"a,b\n1;2,3\n",
			[][]string{{"1;2", "3"}},
			nil},
		{"utf-16 little-endian with a BOM",
			"\xff\xfea\x00\t\x00b\x00\r\x00\n\x001\x00\t\x00\xe9\x00\r\x00\n\x00",
			[][]string{{"1", "é"}},
			nil},
		{"utf-16 big-endian with a BOM",
			"\xfe\xff\x00a\x00,\x00b\x00\n\x001\x00,\x002\x00\n",
			[][]string{{"1", "2"}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs := readAll(t, tt.in, "a", "b")
			if diff := cmp.Diff(tt.recs, recs); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// A record past MaxRecordBytes is one malformed row, not all memory, and
// an unclosed quote gives up after MaxRecordLines lines.
func TestCSVReaderLimits(t *testing.T) {
	long := "a,b\n1," + strings.Repeat("x", MaxRecordBytes+10) + "\n2,y\n"
	recs, errs := readAll(t, long, "a", "b")
	want := []string{fmt.Sprintf("2: record longer than %d bytes", MaxRecordBytes)}
	if diff := cmp.Diff(want, errs); diff != "" || len(recs) != 1 {
		t.Errorf("long record: %d records, errors (-want +got):\n%s", len(recs), diff)
	}
	var b strings.Builder
	b.WriteString("a,b\n\"open,1\n")
	for i := range MaxRecordLines + 100 {
		fmt.Fprintf(&b, "%d,x\n", i)
	}
	recs, errs = readAll(t, b.String(), "a", "b")
	if len(recs) != MaxRecordLines+100 || len(errs) != 1 || !strings.HasPrefix(errs[0], "2: ") {
		t.Errorf("unclosed quote: %d records (want %d), errors %q", len(recs), MaxRecordLines+100, errs)
	}
}

// The ratings.csv defect: a stray quote at line 50,001 lost the rest of
// the file while the summary said one row was skipped.
func TestMovieLensStrayQuoteCostsOneLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("userId,movieId,rating,timestamp\n")
	for i := range 2000 {
		if i == 1000 {
			b.WriteString("\"7,1,4.0,964982703\n")
			continue
		}
		fmt.Fprintf(&b, "%d,1,4.0,964982703\n", i+1)
	}
	dir := writeFiles(t, map[string]string{"movies.csv": "movieId,title,genres\n1,Toy Story (1995),Animation\n", "ratings.csv": b.String()})
	st := newStore(t)
	sum, err := ImportMovieLens(context.Background(), st, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := sum.file("ratings.csv")
	if fs.Read != 2000 || fs.Imported != 1999 || sum.Errors != 1 || count(t, st, "user_ratings") != 1999 {
		t.Errorf("read %d, imported %d, errors %d (%v), ratings %d; want 2000, 1999, 1, 1999",
			fs.Read, fs.Imported, sum.Errors, sum.RowErrors, count(t, st, "user_ratings"))
	}
	if len(sum.RowErrors) != 1 || sum.RowErrors[0].Line != 1002 {
		t.Errorf("row errors %v, want one at line 1002", sum.RowErrors)
	}
}

// A ratings.csv re-saved by a spreadsheet keeps every row.
func TestMovieLensSpreadsheetColumns(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"movies.csv":  "movieId,title,genres,,\r\n1,Toy Story (1995),Animation,,\r\n",
		"ratings.csv": "userId,movieId,rating,timestamp,,,,\r\n1,1,4.0,964982703,,,,\r\n2,1,3.5,964982704,,,,\r\n",
	})
	st := newStore(t)
	sum, err := ImportMovieLens(context.Background(), st, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 0 || count(t, st, "user_ratings") != 2 {
		t.Errorf("errors %v, ratings %d; want none, 2", sum.RowErrors, count(t, st, "user_ratings"))
	}
}

// IMDb files saved with a UTF-8 BOM are IMDb files.
func TestIMDbBOM(t *testing.T) {
	dir := writeFiles(t, map[string]string{"title.basics.tsv": "\ufeff" + twoEmmas})
	st := newStore(t)
	if _, err := ImportIMDb(context.Background(), st, dir, IMDbOptions{Types: []string{"all"}}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, st, "films"); n != 2 {
		t.Errorf("films = %d, want 2", n)
	}
}

// FIFOs and devices are refused at once instead of hanging or reading
// forever, by every importer.
func TestNonRegularFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "ratings.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, name := range []string{"title.basics.tsv", "movies.csv", "watched.csv"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := newStore(t)
	ctx := context.Background()
	imports := map[string]func() error{
		"imdb":           func() error { _, err := ImportIMDb(ctx, st, dir, IMDbOptions{}); return err },
		"movielens":      func() error { _, err := ImportMovieLens(ctx, st, dir, Options{}); return err },
		"letterboxd":     func() error { _, err := ImportLetterboxd(ctx, st, dir, "ana", Options{}); return err },
		"letterboxd zip": func() error { _, err := ImportLetterboxd(ctx, st, fifo, "ana", Options{}); return err },
		"boxoffice":      func() error { _, err := ImportBoxOffice(ctx, st, fifo, BoxOfficeOptions{}); return err },
		"boxoffice dev":  func() error { _, err := ImportBoxOffice(ctx, st, "/dev/zero", BoxOfficeOptions{}); return err },
	}
	for name, imp := range imports {
		err := imp()
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: err = %v, want a refusal", name, err)
		}
	}
	_ = os.Remove(fifo)
}

// A JSON element past MaxRecordBytes ends the import with a clear error
// instead of taking all memory.
func TestBoxOfficeJSONElementLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bo.json")
	body := `[{"Title":"Heat","Year":1995},{"Title":"` + strings.Repeat("x", 3*MaxRecordBytes) + `"}]`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	st := newStore(t)
	_, err := ImportBoxOffice(context.Background(), st, p, BoxOfficeOptions{})
	if err == nil || !strings.Contains(err.Error(), "row 2") || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("err = %v", err)
	}
	if n := count(t, st, "films"); n != 0 {
		t.Errorf("a failed import wrote %d films", n)
	}
}
