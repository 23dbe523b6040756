// Package search answers what readers type: a query becomes ranked films,
// people, characters, themes and dossier passages, with facet counts. The
// engine-specific SQL (FTS5 on SQLite; tsvector and pg_trgm on
// PostgreSQL) stays inside this package, behind Engine.
package search

import (
	"context"
	"errors"
	"fmt"

	"marquee/internal/film"
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

// Query is a search request. A zero Filter does not filter; a set one
// keeps only documents of a film (films, characters, dossier passages)
// that passes it.
type Query struct {
	Text   string
	Kind   string // one of the Kind constants, or "" for all
	Filter film.Filter
	Limit  int // default 20, at most 100
	Offset int
}

// Result is one hit. Every kind has the same shape: Kind, Title (a film's
// title, a person's, character's or theme's name, "Film — Heading" for a
// dossier passage), URL (the page, with the section's fragment for a
// dossier passage) and Snippet; the other fields add what the kind has.
type Result struct {
	Kind      string `json:"kind"`
	Slug      string `json:"slug"`
	Title     string `json:"title"`
	Year      int    `json:"year,omitempty"`
	Snippet   string `json:"snippet,omitempty"` // may hold <mark>…</mark> around matched words; all else escaped
	Section   string `json:"section,omitempty"` // dossier hits: the section kind
	Heading   string `json:"heading,omitempty"` // dossier hits: the section heading
	Anchor    string `json:"anchor,omitempty"`  // dossier hits: the section's fragment id on the film page (film.SectionAnchors)
	FilmSlug  string `json:"film_slug,omitempty"`
	FilmTitle string `json:"film_title,omitempty"`
	// Characters: the person who plays them.
	PersonSlug string  `json:"person_slug,omitempty"`
	PersonName string  `json:"person_name,omitempty"`
	URL        string  `json:"url"`
	Score      float64 `json:"score"`
}

// Results is a page of hits, best first, with facet counts over all hits.
// "All hits" is bounded: the engine ranks at most the few hundred most
// popular matches (plus names that begin with the query, and films of a
// year given in the query) and keeps the best 200, so Total and the facet
// counts describe those when a query matches more. The kind facet counts
// hits; the others count the films among them (Films).
type Results struct {
	Results []Result                 `json:"results"`
	Facets  map[string][]store.Count `json:"facets"`
	Total   int                      `json:"total"`
	Films   int                      `json:"films"` // distinct films among the hits

	filmless bool // some hit (a person, a theme) has no film
}

// Narrows reports whether choosing the film facet value c would leave
// fewer hits: some film among the hits lacks it, or some hit has no film.
func (r *Results) Narrows(c store.Count) bool {
	return c.Count < r.Films || r.filmless
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
// such as one over the length limit or with an unknown kind; callers
// answer 400 with its message. Any other error is the database's.
var ErrBadQuery = errors.New("bad query")

// MaxQueryBytes is the longest query accepted.
const MaxQueryBytes = 512

// Engine runs searches against a store.
type Engine struct {
	st    *store.Store
	vocab vocabCache
}

// New returns an Engine over st.
// The engine keeps the index vocabulary in memory (see Warm).
func New(st *store.Store) *Engine { return &Engine{st: st} }

// Budgets: how many matches are ranked for a search and for a suggestion.
const (
	searchCandidates  = 300
	maxHits           = 200 // the best hits kept for Total and facets
	suggestCandidates = 48
	maxSuggestions    = 20
)

// normalize applies defaults and bounds, and rejects what cannot be
// answered.
func (q *Query) normalize() error {
	if q.Kind != "" && kindCodes[q.Kind] == 0 {
		return fmt.Errorf("%w: unknown kind %q (want film, person, character, theme or dossier)", ErrBadQuery, q.Kind)
	}
	if q.Filter.Decade < 0 || q.Filter.Decade > 3000 {
		return fmt.Errorf("%w: decade %d is out of range", ErrBadQuery, q.Filter.Decade)
	}
	q.Filter.Decade -= q.Filter.Decade % 10
	if q.Limit <= 0 {
		q.Limit = 20
	}
	q.Limit = min(q.Limit, 100)
	q.Offset = min(max(q.Offset, 0), maxOffset)
	return nil
}

// Search returns ranked results and facets for q: exact names and titles
// first, then names that begin with the query, then names holding every
// word, then dossier passages; popularity breaks ties. Words the index
// does not know are read as their nearest known words (one typo). An
// empty query has no results; an over-long query or an unknown kind is an
// ErrBadQuery.
func (e *Engine) Search(ctx context.Context, q Query) (*Results, error) {
	if err := q.normalize(); err != nil {
		return nil, err
	}
	p, err := parseText(q.Text)
	if err != nil {
		return nil, err
	}
	res := &Results{Results: []Result{}, Facets: map[string][]store.Count{}}
	if len(p.terms) == 0 {
		return res, nil
	}
	docs, err := e.find(ctx, p, q, max(searchCandidates, q.Offset+q.Limit), false)
	if err != nil {
		return nil, err
	}
	if q.Kind == "" || q.Kind == KindFilm {
		if docs, err = e.addCredited(ctx, p, q, docs); err != nil {
			return nil, err
		}
	}
	docs = docs[:min(len(docs), max(maxHits, q.Offset+q.Limit))]
	res.Total = len(docs)
	for _, d := range docs {
		res.filmless = res.filmless || d.filmID == 0
	}
	if res.Facets, res.Films, err = e.facets(ctx, docs); err != nil {
		return nil, err
	}
	for _, d := range docs[min(q.Offset, len(docs)):min(q.Offset+q.Limit, len(docs))] {
		r, err := e.result(ctx, p, d)
		if err != nil {
			return nil, err
		}
		res.Results = append(res.Results, r)
	}
	return res, nil
}

// Suggest returns up to n completions for a prefix typed so far: films,
// people, characters and themes whose names match, best first (n defaults
// to 8). An empty prefix has none; an over-long one is an ErrBadQuery.
func (e *Engine) Suggest(ctx context.Context, prefix string, n int) ([]Suggestion, error) {
	if n <= 0 {
		n = 8
	}
	n = min(n, maxSuggestions)
	p, err := parseText(prefix)
	if err != nil {
		return nil, err
	}
	out := []Suggestion{}
	if len(p.terms) == 0 {
		return out, nil
	}
	docs, err := e.find(ctx, p, Query{}, suggestCandidates, true)
	if err != nil {
		return nil, err
	}
	for _, d := range docs[:min(n, len(docs))] {
		s := Suggestion{Kind: kindNames[d.kind], Slug: d.slug, Label: d.name, URL: docURL(d, "")}
		if d.kind == docFilm {
			s.Year = d.year
		}
		if d.kind == docCharacter {
			film, err := e.filmOf(ctx, d.filmID)
			if err != nil {
				return nil, err
			}
			s.Label += " (" + film.title + ")"
			s.URL = docURL(d, film.slug)
		}
		out = append(out, s)
	}
	return out, nil
}

// find expands the query's words against the index, gathers candidates
// and ranks them.
func (e *Engine) find(ctx context.Context, p *parsed, q Query, n int, namesOnly bool) ([]doc, error) {
	var (
		docs []doc
		err  error
	)
	if e.st.Engine() == "postgres" {
		docs, err = e.pgCandidates(ctx, p, q, n, namesOnly)
	} else {
		if err := e.sqliteExpand(ctx, p); err != nil {
			return nil, err
		}
		docs, err = e.sqliteCandidates(ctx, p, q, n, namesOnly)
		if err == nil && len(docs) == 0 {
			// A real word may still be a typo ("brooklyn prince" for
			// Brooklynn Prince): with nothing found, widen every word.
			if widened, werr := e.sqliteWiden(ctx, p); werr != nil {
				return nil, werr
			} else if widened {
				docs, err = e.sqliteCandidates(ctx, p, q, n, namesOnly)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	rank(p, docs)
	return docs, nil
}
