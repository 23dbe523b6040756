package dossier

import "fmt"

// DefaultMaxBytes is the largest article Parse accepts unless
// Options.MaxBytes says otherwise. Real articles are a few tens of
// kilobytes; anything this large is a mistake or an attack.
const DefaultMaxBytes = 32 << 20

// Catalog links names found in an article to catalog entities. Parse
// only asks about candidates it found in the text; it never enumerates
// the catalog. Implementations must be safe to call many times.
type Catalog interface {
	// FilmByTitle returns the slug of the film with this title, in this
	// year when year is not 0.
	FilmByTitle(title string, year int) (slug string, ok bool)
	// PersonByName returns the slug of the person with this full name.
	PersonByName(name string) (slug string, ok bool)
}

// Options tunes Parse. The zero value (or nil) parses with no catalog and
// takes the film's identity from the article itself.
type Options struct {
	Title     string   // film title; overrides what the article says
	Year      int      // release year; overrides the article
	Slug      string   // film slug; default film.FilmSlug(title, year)
	Directors []string // directors; also used to expand surnames ("Baker")

	// KnownPeople are full names used to recognise people and expand a
	// bare surname to the full name.
	KnownPeople []string

	Catalog  Catalog // nil means no catalog
	MaxBytes int     // 0 means DefaultMaxBytes
}

// ParseError is the one error Parse returns for input it cannot use. Line
// is 1-based, or 0 when the problem is not at one line.
type ParseError struct {
	File   string
	Line   int
	Reason string
}

// Error formats the error as "file:line: reason", or "file: reason" when
// Line is 0.
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}
