package catalog

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"marquee/internal/store"
)

// BoxOfficeFields are the fields a box-office row can carry; a mapping
// names the JSON key or CSV column of each.
var BoxOfficeFields = []string{"title", "year", "release_date", "budget", "domestic", "worldwide",
	"rating", "votes", "runtime", "certification", "genre"}

// DefaultBoxOfficeMap reads the keys of the Vega movies dataset
// ("US Gross", "Release Date" as "Jun 12 1998", …), in JSON or CSV.
var DefaultBoxOfficeMap = map[string]string{
	"title": "Title", "year": "Year", "release_date": "Release Date", "budget": "Production Budget",
	"domestic": "US Gross", "worldwide": "Worldwide Gross", "rating": "IMDB Rating", "votes": "IMDB Votes",
	"runtime": "Running Time min", "certification": "MPAA Rating", "genre": "Major Genre",
}

// BoxOfficeOptions are the options of ImportBoxOffice.
type BoxOfficeOptions struct {
	Options
	// Map overrides DefaultBoxOfficeMap field by field: field → key/column.
	Map map[string]string
	// FirstYear and LastYear bound plausible release years; zero values
	// mean 1888 and next year. A table known to stop at 2010 can say so,
	// which catches two-digit years read in the wrong century.
	FirstYear, LastYear int
	// TwoDigitFrom, when set, is the first year of the hundred years that
	// a date's two-digit year is read in (1921: "21" is 1921, "20" is
	// 2020), for a table whose user knows its span. Unset, a two-digit
	// year is placed in the one plausible century, or by the catalog.
	TwoDigitFrom int
}

// ParseBoxOfficeMap parses "title=Film,year=Year,domestic=US Gross".
func ParseBoxOfficeMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, pair := range strings.Split(s, ",") {
		field, col, ok := strings.Cut(pair, "=")
		field = strings.TrimSpace(field)
		if !ok || col == "" {
			return nil, fmt.Errorf("mapping %q: want field=column", pair)
		}
		known := false
		for _, f := range BoxOfficeFields {
			known = known || f == field
		}
		if !known {
			return nil, fmt.Errorf("mapping %q: unknown field %q (fields: %s)", pair, field, strings.Join(BoxOfficeFields, ", "))
		}
		m[field] = strings.TrimSpace(col)
	}
	return m, nil
}

// record is one input row, whatever the format: get returns the value of
// a key or column (string, json.Number, nil) and whether it is present.
type record func(key string) (any, bool)

// ImportBoxOffice loads a box-office table — a JSON array of objects or a
// CSV file with a header — into st. Every row is validated (missing
// title, unparseable or implausible date, negative or absurd money, a
// worldwide gross below the domestic one, rating out of range, duplicate
// rows); bad rows are reported by position and reason and every good row
// is kept. Rows are matched to catalog films by title and year, and films
// the catalog lacks are created.
func ImportBoxOffice(ctx context.Context, st *store.Store, path string, opts BoxOfficeOptions) (*Summary, error) {
	start := time.Now()
	sum := newSummary("boxoffice", opts.Options)
	mapping := map[string]string{}
	for k, v := range DefaultBoxOfficeMap {
		mapping[k] = v
	}
	for k, v := range opts.Map {
		mapping[k] = v
	}
	if opts.FirstYear == 0 {
		opts.FirstYear = 1888
	}
	if opts.LastYear == 0 {
		opts.LastYear = time.Now().Year() + 1
	}
	rows, err := openBoxOffice(path, mapping, opts.Map)
	if err != nil {
		return sum, err
	}
	defer rows.Close()
	db, err := openBulk(ctx, st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	l := &boLoad{opts: opts, sum: sum, db: db, match: matcher{db: db, review: opts.Review}, m: mapping, seen: map[string]int{},
		source: filepath.Base(path), now: start.Unix()}
	if !opts.DryRun {
		l.w = db
	}
	// The films it finds or creates are few: the search index follows
	// them row by row.
	err = runImport(ctx, st, db, opts.Options, importRun{source: "boxoffice", input: path,
		load: func(ctx context.Context) error { return l.load(ctx, rows) }})
	sum.finish(start, err)
	return sum, err
}

// boRows streams records from a JSON array or a CSV file.
type boRows interface {
	next() (rec record, pos int, rowErr *RowError, err error) // rec nil at the end
	name() string
	Close() error
}

// openBoxOffice opens a box-office table. The columns of explicit (the
// --map the user gave) must all be in a CSV's header: a misspelt name
// would otherwise leave its field empty on every row without a word.
func openBoxOffice(path string, mapping, explicit map[string]string) (boRows, error) {
	in, err := openInput(path)
	if err != nil {
		return nil, err
	}
	return newBoxOfficeRows(in, mapping, explicit)
}

// newBoxOfficeRows reads in as a JSON array or, failing that, as CSV.
func newBoxOfficeRows(in *input, mapping, explicit map[string]string) (boRows, error) {
	// A UTF-8 BOM is three bytes: peeking fewer would see part of one.
	bom := 0
	if b, _ := in.r.Peek(3); string(b) == "\ufeff" {
		bom = 3
	}
	head := make([]byte, 1)
	for i := bom + 1; i < 64; i++ {
		b, _ := in.r.Peek(i)
		if s := strings.TrimLeft(string(b[bom:]), " \t\r\n"); s != "" {
			head[0] = s[0]
			break
		}
	}
	if head[0] == '[' || head[0] == '{' {
		in.r.Discard(bom)
		j := &jsonRows{in: in, lines: head[0] == '{', title: mapping["title"]}
		j.lim.r = in.r
		j.dec = json.NewDecoder(&j.lim)
		j.dec.UseNumber()
		if j.lines {
			return j, nil
		}
		if _, err := j.dec.Token(); err != nil {
			in.Close()
			return nil, fmt.Errorf("%s: not a JSON array: %w", in.name, err)
		}
		return j, nil
	}
	cols := []string{mapping["title"]}
	for _, f := range BoxOfficeFields {
		if col, ok := explicit[f]; ok && f != "title" {
			cols = append(cols, col)
		}
	}
	c, err := newCSV(in, cols...)
	if err != nil {
		in.Close()
		return nil, err
	}
	return csvRows{c}, nil
}

// jsonRows reads a JSON array of objects, or JSON Lines (one object after
// another, as dataframe exports with lines=true write them) when lines.
type jsonRows struct {
	in    *input
	dec   *json.Decoder
	lim   elementLimit
	n     int
	lines bool
	title string // the title's key, to recognise an object of columns
}

// elementLimit fails a read once the decoder holds more than
// MaxRecordBytes of the current array element: the decoder buffers a whole
// value, so without it one huge element would take all memory.
type elementLimit struct {
	r    io.Reader
	read int64 // bytes handed to the decoder
	base int64 // the decoder's offset at the start of the element
}

var errElementTooLong = fmt.Errorf("element longer than %d bytes", MaxRecordBytes)

func (l *elementLimit) Read(p []byte) (int, error) {
	if l.read-l.base > MaxRecordBytes {
		return 0, errElementTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

func (j *jsonRows) name() string { return j.in.name }
func (j *jsonRows) Close() error { return j.in.Close() }

func (j *jsonRows) next() (record, int, *RowError, error) {
	if j.lines {
		return j.nextLine()
	}
	if !j.dec.More() {
		// The array's end, or a read error More cannot return.
		if _, err := j.dec.Token(); err != nil {
			return nil, j.n, nil, fmt.Errorf("%s: after row %d: broken JSON: %w", j.in.name, j.n, err)
		}
		return nil, 0, nil, nil
	}
	j.n++
	j.lim.base = j.dec.InputOffset()
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		return nil, j.n, nil, fmt.Errorf("%s: row %d: broken JSON: %w", j.in.name, j.n, err)
	}
	var obj map[string]any
	if err := decodeNumbers(raw, &obj); err != nil {
		return func(string) (any, bool) { return nil, false }, j.n, &RowError{File: j.in.name, Row: j.n, Reason: "not a JSON object"}, nil
	}
	return func(k string) (any, bool) { v, ok := obj[k]; return v, ok }, j.n, nil, nil
}

func decodeNumbers(raw []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	return dec.Decode(v)
}

type csvRows struct{ c *csvFile }

func (r csvRows) name() string { return r.c.name }
func (r csvRows) Close() error { return r.c.Close() }

func (r csvRows) next() (record, int, *RowError, error) {
	ok, rowErr, err := r.c.next()
	if err != nil || !ok {
		return nil, 0, nil, err
	}
	rec := func(k string) (any, bool) {
		i, ok := r.c.cols[k]
		if !ok || i >= len(r.c.rec) {
			return nil, false
		}
		if r.c.rec[i] == "" {
			return nil, true
		}
		return r.c.rec[i], true
	}
	return rec, r.c.line, rowErr, nil
}

// nextLine reads the next object of JSON Lines. A first object whose title
// is itself an object is a table by columns ({"Title": {"0": …}}, a
// dataframe's default JSON), which is refused as a whole.
func (j *jsonRows) nextLine() (record, int, *RowError, error) {
	j.lim.base = j.dec.InputOffset()
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err == io.EOF {
		return nil, 0, nil, nil
	} else if err != nil {
		return nil, j.n + 1, nil, fmt.Errorf("%s: object %d: broken JSON: %w", j.in.name, j.n+1, err)
	}
	j.n++
	var obj map[string]any
	if err := decodeNumbers(raw, &obj); err != nil {
		return func(string) (any, bool) { return nil, false }, j.n, &RowError{File: j.in.name, Row: j.n, Reason: "not a JSON object"}, nil
	}
	if _, byColumn := obj[j.title].(map[string]any); byColumn && j.n == 1 {
		return nil, j.n, nil, fmt.Errorf("%s: a JSON object of columns; want an array of objects or JSON Lines, one object per film (a dataframe's to_json(orient=\"records\"))", j.in.name)
	}
	return func(k string) (any, bool) { v, ok := obj[k]; return v, ok }, j.n, nil, nil
}
