package store

import (
	"context"
	"database/sql/driver"
	"strings"
)

// The title lookups of an import's matcher (catalog/match.go), run on its
// bulk connection (see BulkConn) for rows no id decides.

// BulkCandidate is a film a title lookup found, with the ids that decide
// whether it may be the row's film: its IMDb and TMDb ids, and the
// external id it holds of the row's source ("" for none).
type BulkCandidate struct {
	ID               int64
	Title, Slug      string
	Year             int
	IMDb, ExternalID string
	TMDb             int64
}

const bulkCandidateCols = `f.id, f.title, f.year, f.slug, COALESCE(f.imdb_id, ''), COALESCE(f.tmdb_id, 0), COALESCE(e.external_id, '')`

func scanCandidate(v []driver.Value) BulkCandidate {
	return BulkCandidate{ID: bulkInt(v[0]), Title: BulkText(v[1]), Year: int(bulkInt(v[2])), Slug: BulkText(v[3]),
		IMDb: BulkText(v[4]), TMDb: bulkInt(v[5]), ExternalID: BulkText(v[6])}
}

// BulkFilmsBySlug calls fn with the films whose slug is lo or starts with
// "lo-" (a suffix: a year, an id), at most 1,000, in no order; source
// names the kind of external id read.
func BulkFilmsBySlug(ctx context.Context, c BulkConn, source, lo string, fn func(BulkCandidate)) error {
	return c.QueryArgs(ctx, `SELECT `+bulkCandidateCols+` FROM films f LEFT JOIN external_ids e ON e.film_id = f.id AND e.source = ?
		WHERE (f.slug = ? OR f.slug > ? AND f.slug < ?) LIMIT 1000`,
		func(v []driver.Value) error { fn(scanCandidate(v)); return nil }, source, lo, lo+"-", lo+"-~")
}

// BulkFilmsByAltTitle calls fn with the films that have title (as given
// or in lower case) as an alternative title, in year (any year for 0),
// at most 1,000, in no order.
func BulkFilmsByAltTitle(ctx context.Context, c BulkConn, source, title string, year int, fn func(BulkCandidate)) error {
	return c.QueryArgs(ctx, `SELECT `+bulkCandidateCols+` FROM alt_titles a JOIN films f ON f.id = a.film_id
		LEFT JOIN external_ids e ON e.film_id = f.id AND e.source = ?
		WHERE a.title IN (?, ?) AND (? = 0 OR f.year = ?) LIMIT 1000`,
		func(v []driver.Value) error { fn(scanCandidate(v)); return nil }, source, title, strings.ToLower(title), int64(year), int64(year))
}

// BulkFilmBySlug returns the id, title and year of the film with slug;
// id 0 when there is none.
func BulkFilmBySlug(ctx context.Context, c BulkConn, slug string) (id int64, title string, year int, err error) {
	err = c.QueryArgs(ctx, "SELECT id, title, year FROM films WHERE slug = ?", func(v []driver.Value) error {
		id, title, year = bulkInt(v[0]), BulkText(v[1]), int(bulkInt(v[2]))
		return nil
	}, slug)
	return id, title, year, err
}

// BulkText reads a text column of a bulk connection's row (the engines
// give text as a string or as bytes).
func BulkText(v driver.Value) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	}
	return ""
}
