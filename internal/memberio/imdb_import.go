package memberio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"marquee/internal/film"
	"marquee/internal/member"
	"marquee/internal/store"
)

// IMDbSummary is what an IMDb import did.
type IMDbSummary struct {
	File      string              `json:"file"`
	Read      int                 `json:"read"`
	Counts    member.ImportCounts `json:"imported"`
	Unmatched []IMDbRow           `json:"unmatched"` // ids the catalog lacks, filed for the member to resolve
	Errors    []*LineError        `json:"errors"`
}

// ErrMalformed is returned (wrapped) when an imported file has malformed
// rows; nothing is written then.
var ErrMalformed = errors.New("malformed rows")

// ImportIMDb imports an IMDb ratings file (ratings true) or watchlist into
// member uid's account: films are matched by IMDb id only (an id names one
// film, so nothing is guessed), IMDb's 1–10 becomes half stars one to one,
// and ids the catalog lacks are filed as pending rows. A file with any
// malformed row changes nothing.
func ImportIMDb(ctx context.Context, st *store.Store, uid int64, r io.Reader, name string, ratings bool) (*IMDbSummary, error) {
	sum := &IMDbSummary{File: name, Unmatched: []IMDbRow{}, Errors: []*LineError{}}
	rows, bad, err := ReadIMDb(r, name, ratings)
	if err != nil {
		return sum, err
	}
	sum.Read = len(rows) + len(bad)
	if len(bad) > 0 {
		sum.Errors = bad
		return sum, fmt.Errorf("%s: %w: %d, the first: %v", name, ErrMalformed, len(bad), bad[0])
	}
	var d member.Data
	var pending []member.Pending
	for _, row := range rows {
		var at time.Time
		if row.Date != "" {
			at, _ = time.Parse(time.DateOnly, row.Date)
		}
		f, err := st.FilmByIMDb(ctx, row.Const)
		slug := ""
		if err == nil {
			slug = f.Slug
		} else if !errors.Is(err, film.ErrNotFound) {
			return sum, err
		}
		var one member.Data
		if ratings {
			one.Films = []member.FilmLog{{FilmSlug: slug, Rating: row.Rating, Watched: true, UpdatedAt: at}}
		} else {
			one.Watchlist = []member.ListEntry{{FilmSlug: slug, Note: row.Date}}
		}
		if slug == "" {
			sum.Unmatched = append(sum.Unmatched, row)
			pending = append(pending, member.Pending{File: name, Line: row.Line, Title: strings.TrimSpace(row.Title + " (" + row.Const + ")"),
				Year: row.Year, Kind: "unmatched", Row: one})
			continue
		}
		d.Films = append(d.Films, one.Films...)
		d.Watchlist = append(d.Watchlist, one.Watchlist...)
	}
	sum.Counts, err = st.ApplyImport(ctx, uid, d, pending)
	return sum, err
}
