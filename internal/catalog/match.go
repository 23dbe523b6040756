package catalog

import (
	"cmp"
	"context"
	"database/sql/driver"
	"slices"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/store"
)

// matcher finds catalog films by title for rows no id decides. An id is
// identity: a candidate holding a different id of a kind the row carries
// (IMDb, TMDb, a source's own id in external_ids) is never a match, and
// exclude rules out films another id of the source already claimed. What
// is left is scored (see scoreExact…); a tie at the best score is
// ambiguous and matches nothing. Decisions read from a review file
// (Options.Review) override the score.
type matcher struct {
	db     *bulkConn
	review map[string]string // reviewKey → "accept", "reject" or a film slug
}

// matchQuery is what one source row says about its film.
type matchQuery struct {
	title   string
	year    int    // 0 when the row has none
	imdb    string // the row's IMDb id, if any
	tmdb    int64
	source  string // kind of extID in external_ids ("letterboxd")
	extID   string
	exclude func(filmID int64) bool // films claimed by another id of the source
}

// Match scores: how sure a title match is. Exact title and year is 1; a
// year off by one (festival versus release year) costs 0.3.
const (
	scoreExact   = 1.0  // same title text, same year
	scoreFolded  = 0.9  // same title once case, diacritics and punctuation are folded
	scoreAlt     = 0.8  // an alternative title of the film
	yearOffScore = 0.3  // subtracted when the years differ by one
	minScore     = 0.45 // below this a candidate is not a match
)

// matchResult is the outcome of one lookup.
type matchResult struct {
	id         int64
	slug       string
	title      string
	year       int
	score      float64
	how        string // "exact", "folded title", "alternative title", "… year ±1", "reviewed"
	candidates int    // films tied at the best score (>1: ambiguous)
	rejected   bool   // a review said no
}

// fuzzy reports whether the result needs a person's eye: anything but an
// exact title and year, and every ambiguous or rejected lookup.
func (r matchResult) fuzzy() bool {
	return r.candidates > 1 || r.rejected || (r.id != 0 && r.score < scoreExact)
}

type candidate struct {
	id    int64
	slug  string
	title string
	year  int
	score float64
	how   string
}

// find returns the best match for q, or a result with id 0.
func (m matcher) find(q matchQuery) (matchResult, error) {
	if d, ok := m.review[reviewKey(q.title, q.year)]; ok {
		switch d {
		case "reject":
			return matchResult{rejected: true, how: "rejected in review"}, nil
		case "accept", "":
		default:
			return m.bySlug(d)
		}
	}
	years := []int{q.year}
	if q.year > 0 {
		years = append(years, q.year-1, q.year+1)
	}
	for i, y := range years {
		cands, err := m.candidates(q, y)
		if err != nil {
			return matchResult{}, err
		}
		if i > 0 {
			for j := range cands {
				cands[j].score -= yearOffScore
				cands[j].how += ", year ±1"
			}
		}
		if r, ok := best(cands); ok {
			return r, nil
		}
	}
	return matchResult{}, nil
}

// bySlug resolves a review's chosen film.
func (m matcher) bySlug(slug string) (matchResult, error) {
	r := matchResult{score: scoreExact, how: "reviewed", candidates: 1, slug: slug}
	var err error
	r.id, r.title, r.year, err = store.BulkFilmBySlug(context.Background(), m.db, slug)
	if r.id == 0 {
		return matchResult{rejected: true, how: "reviewed film " + strconv.Quote(slug) + " not in catalog"}, err
	}
	return r, err
}

// best picks the highest-scoring candidate; a tie between two films at the
// top is ambiguous.
func best(cands []candidate) (matchResult, bool) {
	var top *candidate
	tied := 0
	for i := range cands {
		c := &cands[i]
		if c.score < minScore {
			continue
		}
		switch {
		case top == nil || c.score > top.score:
			top, tied = c, 1
		case c.score == top.score && c.id != top.id:
			tied++
		}
	}
	if top == nil {
		return matchResult{}, false
	}
	r := matchResult{slug: top.slug, title: top.title, year: top.year, score: top.score, how: top.how, candidates: tied}
	if tied == 1 {
		r.id = top.id
	} else {
		r.how = "ambiguous: " + strconv.Itoa(tied) + " films"
	}
	return r, true
}

// candidates lists the films titled q.title (or with it as an alternative
// title) in year y (any year for 0) that q's ids allow.
func (m matcher) candidates(q matchQuery, y int) ([]candidate, error) {
	base := film.Slugify(q.title)
	if base == "" {
		return nil, nil
	}
	want := film.Fold(q.title)
	exact := strings.TrimSpace(q.title)
	// The film's own slug, or it with a suffix (a year, an id): base, or
	// base-… . Not base…, which for a short title ("m") is a slice of the
	// whole catalog.
	lo := base
	if y > 0 {
		lo = film.FilmSlug(q.title, y)
	}
	var out []candidate
	seen := map[int64]bool{}
	add := func(f store.BulkCandidate, alt bool) {
		id, t, fy := f.ID, f.Title, f.Year
		if seen[id] || (y != 0 && fy != y) || !allowed(q, f) || (q.exclude != nil && q.exclude(id)) {
			return
		}
		c := candidate{id: id, slug: f.Slug, title: t, year: fy}
		switch {
		case alt:
			c.score, c.how = scoreAlt, "alternative title"
		case t == exact:
			c.score, c.how = scoreExact, "exact"
		case film.Fold(t) == want || film.Slugify(t) == base:
			c.score, c.how = scoreFolded, "folded title"
		default:
			return
		}
		if q.year == 0 && c.score == scoreExact {
			c.how = "title, no year"
			c.score = scoreFolded
		}
		seen[id] = true
		out = append(out, c)
	}
	ctx := context.Background()
	err := store.BulkFilmsBySlug(ctx, m.db, q.source, lo, func(f store.BulkCandidate) { add(f, false) })
	if err != nil || len(out) > 0 {
		// A title match outscores any alternative title: no need to look.
		return byID(out), err
	}
	err = store.BulkFilmsByAltTitle(ctx, m.db, q.source, exact, y, func(f store.BulkCandidate) { add(f, true) })
	return byID(out), err
}

// byID orders candidates oldest film first, in Go rather than in the
// queries: an ORDER BY or DISTINCT there costs a temporary B-tree (a file,
// with the bulk connection's temp_store) on every lookup of every row, a
// constant several times the lookup itself. add drops duplicates.
func byID(cands []candidate) []candidate {
	slices.SortFunc(cands, func(a, b candidate) int { return cmp.Compare(a.id, b.id) })
	return cands
}

// allowed reports whether film f, holding its ids (IMDb, TMDb, external
// id of q.source), may be q's film: no id of a kind q carries may differ.
func allowed(q matchQuery, f store.BulkCandidate) bool {
	imdb, tmdb, ext := f.IMDb, f.TMDb, f.ExternalID
	if q.imdb != "" && imdb != "" && imdb != q.imdb {
		return false
	}
	if q.tmdb != 0 && tmdb != 0 && tmdb != q.tmdb {
		return false
	}
	if q.extID != "" && ext != "" && ext != q.extID && idForm(ext) == idForm(q.extID) {
		return false
	}
	return true
}

// idForm is the kind of link an external id is: two ids of one form that
// differ name two films, while ids of two forms cannot be compared (a film
// bound to Letterboxd's short link https://boxd.it/29Pq is the same film
// a row names by https://letterboxd.com/film/pulp-fiction/, for all the ids
// say). The form is the link's host, with letterboxd.com's first path
// segment ("film").
func idForm(id string) string {
	rest := id
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	host, path, _ := strings.Cut(rest, "/")
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host == "letterboxd.com" {
		seg, _, _ := strings.Cut(path, "/")
		return host + "/" + seg
	}
	return host
}

// reviewKey is how a review file names a source row: title and year.
func reviewKey(title string, year int) string {
	return strings.TrimSpace(title) + "\x00" + strconv.Itoa(year)
}

func asInt(v driver.Value) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case float64:
		return int64(n)
	case int32:
		return int64(n)
	}
	return 0
}
