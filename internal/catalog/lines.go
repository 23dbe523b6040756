package catalog

import (
	"bufio"
	"errors"
	"io"
)

// Limits every reader enforces, so that no input (a line of 1.5 GB in a
// small ZIP, /dev/zero renamed ratings.csv) can exhaust memory. A record
// over a limit is a malformed row, counted and named like any other; the
// reader goes on at the next line.
const (
	// MaxRecordBytes is the longest record (a CSV record with its quoted
	// newlines, a TSV line, a JSON array element) any importer reads.
	MaxRecordBytes = 1 << 20
	// MaxRecordLines is how many lines one quoted CSV field may span. An
	// unclosed quote therefore costs its own line only: the reader gives
	// up on it after this many lines and reads on from the next one.
	MaxRecordLines = 500
)

// lineReader reads lines of at most MaxRecordBytes from r. A longer line
// is consumed and reported as too long, never buffered whole.
type lineReader struct {
	r    *bufio.Reader
	buf  []byte
	line int // number of the last line returned, 1-based
}

// next returns the next line without its line ending (\n or \r\n). At the
// end of input it returns io.EOF; a final line without a newline is
// returned first. The slice is valid until the next call.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if !tooLong {
			if len(lr.buf)+len(chunk) > MaxRecordBytes+2 {
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(lr.buf) == 0 && !tooLong {
				return nil, false, io.EOF
			}
		case err != nil:
			return nil, false, err
		}
		lr.line++
		b := lr.buf
		if n := len(b); n > 0 && b[n-1] == '\n' {
			b = b[:n-1]
		}
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
		return b, tooLong, nil
	}
}
