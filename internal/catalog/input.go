package catalog

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// input is one opened input file: gzip is detected by its magic bytes, not
// its name, and the bytes read from disk are counted for progress.
type input struct {
	path  string
	name  string // base name, for messages
	f     io.Closer
	size  int64
	count countingReader
	r     *bufio.Reader // decompressed stream
	zr    *gzip.Reader
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// openInput opens a regular file. FIFOs, devices and sockets are refused
// before they are opened (opening a FIFO blocks until a writer comes, and
// /dev/zero never ends).
func openInput(path string) (*input, error) {
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() { // replaced between the checks
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	return newInput(filepath.Base(path), f, f, st.Size())
}

// CheckRegular refuses anything but a regular file (a FIFO, a device, a
// directory), naming what it is, for readers outside the package to check
// a path before opening it: opening a FIFO with no writer never returns.
func CheckRegular(path string) error { return checkRegular(path) }

// checkRegular refuses anything but a regular file, naming what it is.
func checkRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	m := st.Mode()
	if m.IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case m.IsDir():
		kind = "a directory, not a file"
	case m&os.ModeNamedPipe != 0:
		kind = "a FIFO (named pipe), not a regular file"
	case m&os.ModeDevice != 0:
		kind = "a device, not a regular file"
	case m&os.ModeSocket != 0:
		kind = "a socket, not a regular file"
	}
	return fmt.Errorf("%s: %s; imports read regular files only", path, kind)
}

// newInput wraps an open stream (a file, a ZIP entry) named name. Text in
// UTF-16 with a byte order mark (a spreadsheet's "Unicode text") is read
// as UTF-8.
func newInput(name string, r io.Reader, c io.Closer, size int64) (*input, error) {
	in := &input{path: name, name: name, f: c, size: size}
	in.count.r = r
	br := bufio.NewReaderSize(&in.count, 1<<20)
	magic, _ := br.Peek(2)
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			c.Close()
			return nil, fmt.Errorf("%s: not a readable gzip stream: %w", in.name, err)
		}
		in.zr = zr
		in.r = bufio.NewReaderSize(zr, 1<<20)
	} else {
		in.r = br
	}
	if b, _ := in.r.Peek(2); utf16BOM(b) {
		in.r = fromUTF16(in.r)
	}
	return in, nil
}

// pos returns how many bytes of the file on disk have been read.
func (in *input) pos() int64 { return in.count.n.Load() }

func (in *input) Close() error { return in.f.Close() }

// readErr turns a read failure into a message naming the file; a gzip
// stream cut short is the usual cause with downloaded datasets.
func (in *input) readErr(err error, line int) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) {
		return fmt.Errorf("%s: truncated or corrupt compressed stream after line %d (download it again): %w", in.name, line, err)
	}
	return fmt.Errorf("%s: read after line %d: %w", in.name, line, err)
}

// tsv reads IMDb's tab-separated files: no quoting, one record a line of
// at most MaxRecordBytes, \N for null, an optional UTF-8 BOM. Fields are
// only valid until the next call to next. They come in the order of the
// header asked for, whatever the file's own order (see openTSV).
type tsv struct {
	*input
	lr      lineReader
	rerr    error
	line    int
	fields  [][]byte
	want    int
	columns []string // the file's columns
	perm    []int    // perm[i] is the file's column for the header's i-th; nil when they agree
	raw     [][]byte // the file's fields, when perm reorders them
}

// openTSV opens path and checks its header line against header (the
// dataset's tab-separated column names). A file holding every one of
// those columns, in another order or with more columns (a subset someone
// exported with an extra field, a dataset that grew one), reads too: next
// hands its fields over in header's order and the rest are ignored.
func openTSV(path, header string) (*tsv, error) {
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	if in.name == "data.tsv" { // title.basics.tsv/data.tsv, as extracted (see findIMDb)
		in.name = filepath.Base(filepath.Dir(path)) + "/" + in.name
	}
	t := &tsv{input: in, lr: lineReader{r: in.r}}
	b, _, err := t.lr.next()
	if err != nil {
		in.Close()
		if !errors.Is(err, io.EOF) {
			return nil, in.readErr(err, 0)
		}
		return nil, fmt.Errorf("%s: empty file, expected the header %q", in.name, header)
	}
	t.line = 1
	got := bytes.TrimPrefix(b, []byte("\ufeff"))
	t.columns = strings.Split(string(got), "\t")
	t.want = len(t.columns)
	if string(got) == header {
		return t, nil
	}
	if bytes.IndexByte(got, '\t') < 0 {
		in.Close()
		return nil, fmt.Errorf("%s: not a TSV file: first line %s has no tabs (expected the header %q)", in.name, clip(got), header)
	}
	perm, missing := columnOrder(t.columns, strings.Split(header, "\t"))
	if len(missing) > 0 {
		in.Close()
		return nil, fmt.Errorf("%s: wrong header %s, expected %q: missing column(s) %s", in.name, clip(got), header, strings.Join(missing, ", "))
	}
	t.perm = perm
	return t, nil
}

// columnOrder finds each wanted column among a file's columns: the
// file's index of each, and the wanted ones the file lacks.
func columnOrder(have, want []string) (perm []int, missing []string) {
	at := map[string]int{}
	for i, c := range have {
		if _, dup := at[c]; !dup {
			at[c] = i
		}
	}
	for _, c := range want {
		i, ok := at[c]
		if !ok {
			missing = append(missing, c)
		}
		perm = append(perm, i)
	}
	return perm, missing
}

// next reads the next record. It returns false at the end of the file or
// on a read error (see err). A record with the wrong number of fields or
// invalid UTF-8 comes back as a *RowError with ok true.
func (t *tsv) next() (ok bool, rowErr *RowError) {
	b, tooLong, err := t.lr.next()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			t.rerr = err
		}
		return false, nil
	}
	t.line++
	if tooLong {
		t.fields = t.fields[:0]
		return true, &RowError{File: t.name, Line: t.line, Reason: fmt.Sprintf("line longer than %d bytes", MaxRecordBytes)}
	}
	line := b
	t.fields = t.fields[:0]
	for {
		i := bytes.IndexByte(b, '\t')
		if i < 0 {
			t.fields = append(t.fields, b)
			break
		}
		t.fields = append(t.fields, b[:i])
		b = b[i+1:]
	}
	if !utf8.Valid(line) {
		for i, f := range t.fields {
			if !utf8.Valid(f) {
				return true, &RowError{File: t.name, Line: t.line, Field: t.columns[min(i, len(t.columns)-1)], Reason: "invalid UTF-8"}
			}
		}
	}
	if len(t.fields) != t.want {
		return true, &RowError{File: t.name, Line: t.line, Reason: fmt.Sprintf("wrong column count: %d columns, want %d", len(t.fields), t.want)}
	}
	if t.perm != nil {
		t.raw = append(t.raw[:0], t.fields...)
		t.fields = t.fields[:0]
		for _, i := range t.perm {
			t.fields = append(t.fields, t.raw[i])
		}
	}
	return true, nil
}

// err returns the read error that ended next, if any.
func (t *tsv) err() error {
	if t.rerr != nil {
		return t.readErr(t.rerr, t.line)
	}
	return nil
}

// clip quotes b for a message, cut to 80 bytes; invalid UTF-8 shows as
// escapes.
func clip(b []byte) string {
	if len(b) > 80 {
		return strconv.Quote(string(b[:80])) + "…"
	}
	return strconv.Quote(string(b))
}
