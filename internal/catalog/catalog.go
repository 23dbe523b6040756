// Package catalog fills Marquee's catalog from the formats film people
// already hold their data in: IMDb's datasets, MovieLens, Letterboxd
// exports and box-office tables.
//
// Every import streams its input (memory stays flat in the input's size),
// writes through one connection in one transaction, and reports malformed
// rows by file, line and field instead of stopping at the first. The bulk
// importers (IMDb, MovieLens) drop secondary indexes for the load and
// rebuild them before the transaction commits, so an import interrupted at
// any point — Ctrl-C, kill -9, power loss — leaves the previous catalog
// intact, and a re-run starts over cleanly. Re-running an import updates
// the catalog in place.
package catalog

import (
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"
)

// Options are what every importer takes.
type Options struct {
	DryRun    bool            // read and validate everything, write nothing
	MaxErrors int             // stop (and write nothing) after more malformed rows than this; 0 means 1000
	Progress  chan<- Progress // optional; receives progress, never blocks the import
	Log       *slog.Logger    // optional; phases of the import at Info level
	// Review holds decisions on title matches read from a review file
	// (ReadReview): reviewKey → "accept", "reject" or a film slug.
	Review map[string]string
}

func (o Options) maxErrors() int {
	if o.MaxErrors <= 0 {
		return 1000
	}
	return o.MaxErrors
}

func (o Options) log() *slog.Logger {
	if o.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Log
}

// ErrTooManyErrors is returned (wrapped) when malformed rows exceed
// Options.MaxErrors; the import then writes nothing.
var ErrTooManyErrors = errors.New("too many malformed rows")

// RowError is one malformed or rejected input row.
type RowError struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"` // 1-based line in the file (CSV/TSV), or
	Row    int    `json:"row,omitempty"`  // 1-based position in a JSON array (index Row-1)
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason"`
}

// Error says where the row is and what is wrong with it:
// "title.basics.tsv: line 4: field startYear: bad number: \"20x1\"".
func (e RowError) Error() string {
	pos := fmt.Sprintf("line %d", e.Line)
	if e.Line == 0 {
		pos = fmt.Sprintf("row %d (index %d)", e.Row, e.Row-1)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: field %s: %s", e.File, pos, e.Field, e.Reason)
	}
	return fmt.Sprintf("%s: %s: %s", e.File, pos, e.Reason)
}

// FileSummary is what happened to one input file.
type FileSummary struct {
	File     string `json:"file"`
	Read     int64  `json:"read"`
	Imported int64  `json:"imported"` // rows written as new records
	Updated  int64  `json:"updated"`  // rows written onto records already there
	// Unchanged counts rows whose record was already there with the same
	// values (box office, Letterboxd): nothing to write.
	Unchanged int64            `json:"unchanged"`
	Skipped   int64            `json:"skipped"`
	SkippedBy map[string]int64 `json:"skipped_by,omitempty"` // reason → rows
	// MatchedNothing counts well-formed rows about something the catalog
	// does not hold (a rating or crew of a title not imported), by reason.
	MatchedNothing   int64            `json:"matched_nothing"`
	MatchedNothingBy map[string]int64 `json:"matched_nothing_by,omitempty"`
}

// Unmatched is an input row naming a film the catalog does not have.
type Unmatched struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
}

// maxReported caps how many row errors a summary lists; all are counted.
const maxReported = 200

// Summary is the outcome of an import.
type Summary struct {
	Source   string        `json:"source"`
	DryRun   bool          `json:"dry_run"`
	Files    []FileSummary `json:"files"`
	Read     int64         `json:"read"`
	Imported int64         `json:"imported"`
	Updated  int64         `json:"updated"`
	// Unchanged counts rows already in the catalog as they are.
	Unchanged int64 `json:"unchanged"`
	Skipped   int64 `json:"skipped"`
	// MatchedNothing counts rows about things the catalog does not hold.
	MatchedNothing int64       `json:"matched_nothing"`
	Errors         int         `json:"errors"`              // malformed rows, all counted
	RowErrors      []RowError  `json:"row_errors"`          // the first maxReported of them
	Unmatched      []Unmatched `json:"unmatched,omitempty"` // films not found (Letterboxd)
	// Committed is true when the import's transaction committed; a failed
	// or dry run wrote nothing, and its Imported counts are zero.
	Committed bool `json:"committed"`
	// MatchedByID and MatchedByTitle count rows resolved to an existing
	// film by an id and by an exact title and year; Matches lists every
	// other title match (fuzzy, ambiguous, rejected) for review.
	MatchedByID    int64   `json:"matched_by_id"`
	MatchedByTitle int64   `json:"matched_by_title"`
	Matches        []Match `json:"matches"`
	// FilmsCreated counts the films this import added; Created lists the
	// first maxReported.
	FilmsCreated int64     `json:"films_created"`
	Created      []FilmRef `json:"created"`
	// FilmsRenamed counts films given a new slug because their title or
	// year changed; each old slug now redirects to the new one.
	FilmsRenamed int64 `json:"films_renamed"`
	// CreditsReplaced counts credits of films the catalog held that a
	// principal IMDb renamed replaces (Replaced names the first
	// maxReported, "film-slug: Person as Character"); CharactersDropped
	// the characters only they named, which went with them (Dropped:
	// "film-slug/character-slug"). CharactersKept lists those that stayed
	// because a description was written for them or the film's dossier
	// names them.
	CreditsReplaced   int64    `json:"credits_replaced"`
	Replaced          []string `json:"replaced,omitempty"`
	CharactersDropped int64    `json:"characters_dropped"`
	Dropped           []string `json:"dropped,omitempty"`
	CharactersKept    []string `json:"characters_kept,omitempty"`
	// Notes say what of the input was knowingly left out, and why.
	Notes   []string      `json:"notes,omitempty"`
	Elapsed time.Duration `json:"elapsed_ns"`
}

// newSummary starts the summary of an import from source.
func newSummary(source string, opts Options) *Summary {
	return &Summary{Source: source, DryRun: opts.DryRun, RowErrors: []RowError{}, Matches: []Match{}, Created: []FilmRef{}}
}

// noteMatch records how a row's film was found by title.
func (s *Summary) noteMatch(file string, line int, q matchQuery, r matchResult) {
	if !r.fuzzy() {
		if r.id != 0 {
			s.MatchedByTitle++
		}
		return
	}
	s.Matches = append(s.Matches, Match{File: file, Line: line, Title: q.title, Year: q.year,
		FilmSlug: r.slug, FilmTitle: r.title, FilmYear: r.year, Score: r.score, How: r.how,
		Candidates: r.candidates, Matched: r.id != 0})
}

// noteCreated records a film the import added.
func (s *Summary) noteCreated(slug, title string, year int) {
	s.FilmsCreated++
	if len(s.Created) < maxReported {
		s.Created = append(s.Created, FilmRef{Slug: slug, Title: title, Year: year})
	}
}

// note appends ref to list, up to maxReported.
func (s *Summary) note(list *[]string, ref string) {
	if len(*list) < maxReported {
		*list = append(*list, ref)
	}
}

// wrote reports whether any row was written so far (before finish).
func (s *Summary) wrote() bool {
	for _, f := range s.Files {
		if f.Imported > 0 || f.Updated > 0 {
			return true
		}
	}
	return s.FilmsCreated > 0
}

// file returns the summary of the named file, adding it on first use.
func (s *Summary) file(name string) *FileSummary {
	for i := range s.Files {
		if s.Files[i].File == name {
			return &s.Files[i]
		}
	}
	s.Files = append(s.Files, FileSummary{File: name})
	return &s.Files[len(s.Files)-1]
}

// finish totals the per-file counts once the import has ended with err.
// Unless it committed, nothing was written: imported counts and the films
// created are zeroed, so no count claims a row that did not land.
func (s *Summary) finish(start time.Time, err error) {
	s.Committed = err == nil && !s.DryRun
	if !s.Committed && !s.DryRun {
		for i := range s.Files {
			s.Files[i].Imported, s.Files[i].Updated = 0, 0
		}
		s.FilmsCreated, s.Created, s.FilmsRenamed = 0, []FilmRef{}, 0
		s.CreditsReplaced, s.Replaced, s.CharactersDropped, s.Dropped, s.CharactersKept = 0, nil, 0, nil, nil
	}
	s.Read, s.Imported, s.Updated, s.Unchanged, s.Skipped, s.MatchedNothing = 0, 0, 0, 0, 0, 0
	for _, f := range s.Files {
		s.Read += f.Read
		s.Imported += f.Imported
		s.Updated += f.Updated
		s.Unchanged += f.Unchanged
		s.Skipped += f.Skipped
		s.MatchedNothing += f.MatchedNothing
	}
	s.Elapsed = time.Since(start)
}

// Reasons returns every skip reason with its total over all files, most
// frequent first, for printing.
func (s *Summary) Reasons() []ReasonCount {
	m := map[string]int64{}
	for _, f := range s.Files {
		for r, n := range f.SkippedBy {
			m[r] += n
		}
	}
	out := make([]ReasonCount, 0, len(m))
	for r, n := range m {
		out = append(out, ReasonCount{r, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rows != out[j].Rows {
			return out[i].Rows > out[j].Rows
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

// ReasonCount is a skip reason and how many rows it covered.
type ReasonCount struct {
	Reason string `json:"reason"`
	Rows   int64  `json:"rows"`
}

// tally counts one input file's rows and collects its errors against the
// import's error budget.
type tally struct {
	sum  *Summary
	fs   *FileSummary
	opts *Options
}

func (s *Summary) tally(file string, opts *Options) *tally {
	return &tally{sum: s, fs: s.file(file), opts: opts}
}

func (t *tally) read()     { t.fs.Read++ }
func (t *tally) imported() { t.fs.Imported++ }

// wrote counts a row written: onto a record already there (updated) or
// as a new one (imported).
func (t *tally) wrote(existed bool) {
	if existed {
		t.fs.Updated++
		return
	}
	t.fs.Imported++
}

// unchanged counts a row whose record the catalog already holds with
// the same values.
func (t *tally) unchanged() { t.fs.Unchanged++ }

// matchedNothing counts a well-formed row about something the catalog
// does not hold.
func (t *tally) matchedNothing(reason string) {
	t.fs.MatchedNothing++
	if t.fs.MatchedNothingBy == nil {
		t.fs.MatchedNothingBy = map[string]int64{}
	}
	t.fs.MatchedNothingBy[reason]++
}

// skip counts a row left out for a reason that is not an input error
// (a filtered title type, a reference to a title not imported).
func (t *tally) skip(reason string) {
	t.fs.Skipped++
	if t.fs.SkippedBy == nil {
		t.fs.SkippedBy = map[string]int64{}
	}
	t.fs.SkippedBy[reason]++
}

// bad records a malformed row; it returns ErrTooManyErrors once the
// budget is spent.
func (t *tally) bad(e RowError) error {
	t.skip("malformed: " + reasonClass(e.Reason))
	t.sum.Errors++
	if len(t.sum.RowErrors) < maxReported {
		t.sum.RowErrors = append(t.sum.RowErrors, e)
	}
	if t.sum.Errors > t.opts.maxErrors() {
		return fmt.Errorf("%w: %d, more than --max-errors %d (last: %v)", ErrTooManyErrors, t.sum.Errors, t.opts.maxErrors(), e)
	}
	return nil
}

// reasonClass shortens a reason to its kind, for grouping counts: the
// text before the first colon.
func reasonClass(reason string) string {
	for i := 0; i < len(reason); i++ {
		if reason[i] == ':' {
			return reason[:i]
		}
	}
	return reason
}
