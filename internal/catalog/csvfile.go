package catalog

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvFile reads a CSV file with a known header, by column name.
type csvFile struct {
	*input
	r    *csv.Reader
	cols map[string]int
	rec  []string
	line int
}

// openCSV opens path and checks that its header holds every column in
// required; other columns are allowed (exports grow columns over time).
func openCSV(path string, required ...string) (*csvFile, error) {
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	return newCSV(in, required...)
}

func newCSV(in *input, required ...string) (*csvFile, error) {
	r := csv.NewReader(in.r)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		in.Close()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty file, expected a header with %s", in.name, strings.Join(required, ","))
		}
		return nil, fmt.Errorf("%s: not a CSV file: %w", in.name, err)
	}
	c := &csvFile{input: in, r: r, cols: map[string]int{}, line: 1}
	for i, h := range header {
		c.cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	var missing []string
	for _, col := range required {
		if _, ok := c.cols[col]; !ok {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		in.Close()
		return nil, fmt.Errorf("%s: wrong header %q: missing column(s) %s", in.name, strings.Join(header, ","), strings.Join(missing, ", "))
	}
	return c, nil
}

// next reads a record. It returns false at the end of the file or on a
// read error (see err); a record that cannot be parsed comes back as a
// *RowError with ok true.
func (c *csvFile) next() (ok bool, rowErr *RowError, err error) {
	rec, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return false, nil, nil
	}
	line, _ := c.r.FieldPos(0)
	c.line = line
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return true, &RowError{File: c.name, Line: pe.StartLine, Reason: "bad CSV: " + pe.Err.Error()}, nil
	}
	if err != nil {
		return false, nil, c.readErr(err, c.line)
	}
	c.rec = rec
	if len(rec) != len(c.cols) {
		return true, &RowError{File: c.name, Line: line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(rec), len(c.cols))}, nil
	}
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return true, &RowError{File: c.name, Line: line, Field: c.colName(i), Reason: "invalid UTF-8"}, nil
		}
	}
	return true, nil, nil
}

// get returns the named column of the current record ("" if absent).
func (c *csvFile) get(col string) string {
	if i, ok := c.cols[col]; ok && i < len(c.rec) {
		return c.rec[i]
	}
	return ""
}

func (c *csvFile) colName(i int) string {
	for name, j := range c.cols {
		if j == i {
			return name
		}
	}
	return ""
}

func (c *csvFile) fieldErr(field, reason string) *RowError {
	return &RowError{File: c.name, Line: c.line, Field: field, Reason: reason}
}
