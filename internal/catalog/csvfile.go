package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvFile reads a CSV file (RFC 4180, as spreadsheets and exporters write
// it) with a known header, by column name. Unlike encoding/csv it bounds
// what one mistake costs: a record is at most MaxRecordBytes and a quoted
// field spans at most MaxRecordLines lines, so a stray quote costs the
// line it is on, reported with its number, and reading resumes at the next
// line instead of swallowing the rest of the file. A quote inside an
// unquoted field is kept as text. A UTF-8 BOM, CRLF line ends, empty lines
// and the empty trailing columns a spreadsheet adds on saving
// ("userId,movieId,rating,timestamp,,,,") are accepted everywhere.
type csvFile struct {
	*input
	lr      lineReader
	pending []pline // lines to read again after an unclosed quote
	cols    map[string]int
	names   []string
	width   int // columns up to the last named one
	rec     []string
	buf     []byte
	fbuf    []byte
	line    int            // first line of the current record
	sep     string         // a headerless separated file (newPlain)
	comma   byte           // the field separator: ',' or, found in the header, ';' or a tab
	derive  func(*csvFile) // adds derived columns to each record
}

// pline is a line read ahead, owned.
type pline struct {
	b       []byte
	n       int
	tooLong bool
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
	c := &csvFile{input: in, lr: lineReader{r: in.r}, cols: map[string]int{}, comma: ','}
	if err := c.header(required...); err != nil {
		in.Close()
		return nil, err
	}
	return c, nil
}

// header reads the next record as the header, which must hold required.
// Its line also says the separator (see separator).
func (c *csvFile) header(required ...string) error {
	in := c.input
	if err := c.detectSeparator(); err != nil {
		return err
	}
	ok, rowErr, err := c.next()
	if err != nil || !ok || rowErr != nil {
		switch {
		case err != nil:
			return err
		case !ok:
			return fmt.Errorf("%s: empty file, expected a header with %s", in.name, strings.Join(required, ","))
		}
		return fmt.Errorf("%s: not a CSV file: %v", in.name, rowErr)
	}
	return c.useHeader(required...)
}

// useHeader takes the record just read as the header, which must hold
// required.
func (c *csvFile) useHeader(required ...string) error {
	in := c.input
	header := append([]string(nil), c.rec...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		c.names = append(c.names, h)
		if c.names == nil {
			c.names = []string{}
		}
		if h == "" {
			continue
		}
		if _, dup := c.cols[h]; !dup {
			c.cols[h] = i
		}
		c.width = i + 1
	}
	var missing []string
	for _, col := range required {
		if _, ok := c.cols[col]; !ok {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: wrong header %q: missing column(s) %s", in.name, strings.Join(header, ","), strings.Join(missing, ", "))
	}
	c.rec = nil
	return nil
}

// readLine returns the next physical line, pushed-back lines first.
func (c *csvFile) readLine() (pline, error) {
	if len(c.pending) > 0 {
		p := c.pending[0]
		c.pending = c.pending[1:]
		return p, nil
	}
	b, tooLong, err := c.lr.next()
	if err != nil {
		return pline{}, err
	}
	return pline{b: b, n: c.lr.line, tooLong: tooLong}, nil
}

// next reads a record. It returns false at the end of the file or on a
// read error (see err); a record that cannot be parsed comes back as a
// *RowError with ok true, and reading goes on after it.
func (c *csvFile) next() (ok bool, rowErr *RowError, err error) {
	if c.sep != "" {
		return c.nextPlain()
	}
	var first pline
	for {
		if first, err = c.readLine(); errors.Is(err, io.EOF) {
			return false, nil, nil
		} else if err != nil {
			return false, nil, c.readErr(err, c.line)
		}
		if len(first.b) > 0 || first.tooLong {
			break
		}
	}
	c.line = first.n
	if first.tooLong {
		return true, &RowError{File: c.name, Line: c.line, Reason: fmt.Sprintf("record longer than %d bytes", MaxRecordBytes)}, nil
	}
	c.buf = append(c.buf[:0], first.b...)
	var spanned []pline
	st := quoteScan(first.b, csvStart, c.comma)
	for st == csvQuoted {
		if len(spanned)+1 >= MaxRecordLines || len(c.buf) > MaxRecordBytes {
			return c.unclosed(spanned, fmt.Sprintf("within %d lines", MaxRecordLines))
		}
		p, err := c.readLine()
		if errors.Is(err, io.EOF) {
			return c.unclosed(spanned, "before the end of the file")
		} else if err != nil {
			return false, nil, c.readErr(err, c.line)
		}
		p.b = bytes.Clone(p.b)
		spanned = append(spanned, p)
		if p.tooLong {
			return c.unclosed(spanned, "before a line too long")
		}
		c.buf = append(append(c.buf, '\n'), p.b...)
		st = quoteScan(append([]byte{'\n'}, p.b...), st, c.comma)
	}
	if reason := c.split(); reason != "" {
		return true, &RowError{File: c.name, Line: c.line, Reason: "bad CSV: " + reason}, nil
	}
	if c.names == nil { // the header
		return true, nil, nil
	}
	if len(c.rec) < c.width {
		return true, &RowError{File: c.name, Line: c.line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(c.rec), c.width)}, nil
	}
	for i, f := range c.rec {
		if i >= c.width && f != "" {
			return true, &RowError{File: c.name, Line: c.line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(c.rec), c.width)}, nil
		}
		if !utf8.ValidString(f) {
			return true, &RowError{File: c.name, Line: c.line, Field: c.colName(i), Reason: "invalid UTF-8 " + clip([]byte(f)) +
				" (a spreadsheet's plain \"CSV\" is in the Windows code page: save as \"CSV UTF-8\")"}, nil
		}
	}
	return true, nil, nil
}

// unclosed reports the current record's opening line as malformed and
// pushes the lines read after it back, to be read again as records.
func (c *csvFile) unclosed(spanned []pline, where string) (bool, *RowError, error) {
	c.pending = append(spanned, c.pending...)
	return true, &RowError{File: c.name, Line: c.line, Reason: "bad CSV: quoted field not closed " + where + "; only this line skipped"}, nil
}

// Quote states between lines of one record.
const (
	csvStart  = iota // at the start of a field
	csvPlain         // inside an unquoted field
	csvQuoted        // inside a quoted field
	csvClosed        // just after a quote inside a quoted field
)

// quoteScan advances the quote state over b, fields separated by comma.
func quoteScan(b []byte, st int, comma byte) int {
	for _, ch := range b {
		switch st {
		case csvStart:
			switch ch {
			case '"':
				st = csvQuoted
			case comma:
			default:
				st = csvPlain
			}
		case csvPlain:
			if ch == comma {
				st = csvStart
			}
		case csvQuoted:
			if ch == '"' {
				st = csvClosed
			}
		case csvClosed:
			switch ch {
			case '"':
				st = csvQuoted
			case comma:
				st = csvStart
			default:
				st = csvPlain
			}
		}
	}
	if st == csvClosed {
		return csvPlain
	}
	return st
}

// split cuts c.buf, a complete record, into c.rec; it returns why the
// record is malformed, or "".
func (c *csvFile) split() string {
	s := string(c.buf) // one allocation; unquoted fields are substrings of it
	c.rec = c.rec[:0]
	i := 0
	for {
		if i < len(s) && s[i] == '"' {
			i++
			c.fbuf = c.fbuf[:0]
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return "quoted field not closed"
				}
				c.fbuf = append(c.fbuf, s[i:i+j]...)
				i += j + 1
				if i < len(s) && s[i] == '"' {
					c.fbuf = append(c.fbuf, '"')
					i++
					continue
				}
				break
			}
			if i < len(s) && s[i] != c.comma {
				return fmt.Sprintf("text after the closing quote of field %d", len(c.rec)+1)
			}
			c.rec = append(c.rec, string(c.fbuf))
		} else {
			j := strings.IndexByte(s[i:], c.comma)
			if j < 0 {
				j = len(s) - i
			}
			c.rec = append(c.rec, s[i:i+j])
			i += j
		}
		if i >= len(s) {
			return ""
		}
		i++ // the separator
		if i == len(s) {
			c.rec = append(c.rec, "")
			return ""
		}
	}
}

// get returns the named column of the current record ("" if absent).
func (c *csvFile) get(col string) string {
	if i, ok := c.cols[col]; ok && i < len(c.rec) {
		return c.rec[i]
	}
	return ""
}

func (c *csvFile) colName(i int) string {
	if i < len(c.names) {
		return c.names[i]
	}
	return ""
}

func (c *csvFile) fieldErr(field, reason string) *RowError {
	return &RowError{File: c.name, Line: c.line, Field: field, Reason: reason}
}

// detectSeparator reads the header's line ahead and takes its separator:
// a comma when it has one outside quotes, otherwise a semicolon (what a
// spreadsheet in a locale with decimal commas writes as "CSV") or a tab
// (a spreadsheet's "Unicode text"). The line is read again by next.
func (c *csvFile) detectSeparator() error {
	for {
		p, err := c.readLine()
		if errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return c.readErr(err, 0)
		}
		if len(p.b) == 0 && !p.tooLong {
			continue
		}
		if p.n == 1 { // a BOM before a quoted first name would make it unquoted
			p.b = bytes.TrimPrefix(p.b, []byte("\ufeff"))
		}
		p.b = bytes.Clone(p.b)
		c.pending = append([]pline{p}, c.pending...) // read first again, before any pushed back
		var n [256]int
		quoted := false
		for _, ch := range p.b {
			if ch == '"' {
				quoted = !quoted
			} else if !quoted {
				n[ch]++
			}
		}
		switch {
		case n[','] > 0:
		case n[';'] > 0:
			c.comma = ';'
		case n['\t'] > 0:
			c.comma = '\t'
		}
		return nil
	}
}
