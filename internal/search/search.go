// Package search answers what readers type: a query becomes ranked films,
// people, characters, themes and dossier passages, with facet counts. The
// engine-specific SQL (FTS5 on SQLite; tsvector and pg_trgm on
// PostgreSQL) stays inside this package, behind Engine.
package search

import (
	"context"
	"errors"

	"marquee/internal/store"
)

// Kinds of result.
const (
	KindFilm      = "film"
	KindPerson    = "person"
	KindCharacter = "character"
	KindTheme     = "theme"
	KindDossier   = "dossier"
)

// Query is a search request. Zero filter fields do not filter.
type Query struct {
	Text          string
	Kind          string // one of the Kind constants, or "" for all
	Decade        int
	Genre         string
	Certification string
	Director      string // person slug
	Theme         string // theme slug
	Limit         int    // default 20, at most 100
	Offset        int
}

// Result is one hit. Films carry Title; people and characters carry Name.
type Result struct {
	Kind      string  `json:"kind"`
	Slug      string  `json:"slug"`
	Title     string  `json:"title,omitempty"`
	Name      string  `json:"name,omitempty"`
	Year      int     `json:"year,omitempty"`
	Snippet   string  `json:"snippet,omitempty"` // may hold <mark>…</mark> around matched words; all else escaped
	Section   string  `json:"section,omitempty"` // dossier hits: the section kind
	Heading   string  `json:"heading,omitempty"` // dossier hits: the section heading
	FilmSlug  string  `json:"film_slug,omitempty"`
	FilmTitle string  `json:"film_title,omitempty"`
	URL       string  `json:"url"`
	Score     float64 `json:"score"`
}

// Results is a page of hits, best first, with facet counts over all hits.
type Results struct {
	Results []Result                 `json:"results"`
	Facets  map[string][]store.Count `json:"facets"`
	Total   int                      `json:"total"`
}

// Suggestion is one as-you-type completion.
type Suggestion struct {
	Kind  string `json:"kind"`
	Slug  string `json:"slug"`
	Label string `json:"label"`
	Year  int    `json:"year,omitempty"`
	URL   string `json:"url"`
}

// ErrBadQuery is returned (wrapped) for a query that cannot be answered,
// such as one over the length limit; callers answer 400 with its message.
var ErrBadQuery = errors.New("bad query")

// MaxQueryBytes is the longest query accepted.
const MaxQueryBytes = 512

// Engine runs searches against a store.
type Engine struct {
	st *store.Store
}

// New returns an Engine over st.
func New(st *store.Store) *Engine { return &Engine{st: st} }

// Search returns ranked results and facets for q.
func (e *Engine) Search(ctx context.Context, q Query) (*Results, error) {
	return nil, errors.New("search: not built yet")
}

// Suggest returns up to n completions for a prefix typed so far.
func (e *Engine) Suggest(ctx context.Context, prefix string, n int) ([]Suggestion, error) {
	return nil, errors.New("search: not built yet")
}

// PrepareBulk suspends per-row search index maintenance before a bulk
// load into st; Rebuild must follow. Importers call it once per import.
func PrepareBulk(ctx context.Context, st *store.Store) error { return nil }

// Rebuild rebuilds every search index from the tables, in bulk, and
// resumes per-row maintenance. Importers call it once, after loading.
func Rebuild(ctx context.Context, st *store.Store) error { return nil }
