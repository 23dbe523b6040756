package store

import (
	"context"
	"database/sql/driver"
	"strconv"
)

// The box-office import's statements, run on its bulk connection (see
// BulkConn), one film at a time.

// BulkBoxOffice is one film's box-office row as the import writes it:
// its budget and grosses (0: unknown), where they come from, and the
// facts it fills in where the film lacks them.
type BulkBoxOffice struct {
	Budget, Domestic, Worldwide int64
	Source                      string
	ReleaseDate, Certification  string
	RuntimeMin                  int64
}

// Box-office states of a film against a row (BulkBoxOfficeState).
const (
	BoxOfficeNew     = 0 // no record of it: the row adds one
	BoxOfficeSame    = 1 // its record, with the same values
	BoxOfficeChanged = 2 // its record, with other values: the row updates it
)

// boxOfficeState compares a row with what the catalog holds for a film:
// its box-office record, the grosses the row gives, and the facts it
// would fill in.
const boxOfficeState = `SELECT CASE WHEN b.film_id IS NULL THEN 0
	WHEN b.budget = ? AND b.source = ?
		AND (f.release_date <> '' OR CAST(? AS TEXT) = '') AND (f.runtime_min <> 0 OR CAST(? AS BIGINT) = 0) AND (f.certification <> '' OR CAST(? AS TEXT) = '')
		AND (CAST(? AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM box_office_grosses g WHERE g.film_id = f.id AND g.territory = 'domestic' AND g.amount = ?))
		AND (CAST(? AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM box_office_grosses g WHERE g.film_id = f.id AND g.territory = 'worldwide' AND g.amount = ?))
	THEN 1 ELSE 2 END
	FROM films f LEFT JOIN box_office b ON b.film_id = f.id WHERE f.id = ?`

// BulkBoxOfficeState says what row r would do to film id: BoxOfficeNew,
// BoxOfficeSame or BoxOfficeChanged.
func BulkBoxOfficeState(ctx context.Context, c BulkConn, id int64, r BulkBoxOffice) (int, error) {
	var n int64
	err := c.QueryArgs(ctx, boxOfficeState, func(v []driver.Value) error {
		n = bulkInt(v[0])
		return nil
	}, r.Budget, r.Source, r.ReleaseDate, r.RuntimeMin, r.Certification, r.Domestic, r.Domestic, r.Worldwide, r.Worldwide, id)
	return int(n), err
}

// BulkWriteBoxOffice writes r onto film id: it fills the release date,
// runtime and certification the film lacks (never overwriting what it
// has) when fill is set (not for a film just created with them), then
// upserts its budget and the grosses it knows.
func BulkWriteBoxOffice(ctx context.Context, c BulkConn, id int64, r BulkBoxOffice, fill bool) error {
	if fill {
		err := c.ExecArgs(ctx, `UPDATE films SET
			release_date = CASE WHEN release_date = '' THEN ? ELSE release_date END,
			runtime_min = CASE WHEN runtime_min = 0 THEN ? ELSE runtime_min END,
			certification = CASE WHEN certification = '' THEN ? ELSE certification END
			WHERE id = ?`, r.ReleaseDate, r.RuntimeMin, r.Certification, id)
		if err != nil {
			return err
		}
	}
	if err := c.ExecArgs(ctx, `INSERT INTO box_office (film_id, currency, budget, source) VALUES (?, 'USD', ?, ?)
		ON CONFLICT (film_id) DO UPDATE SET budget = excluded.budget, source = excluded.source`, id, r.Budget, r.Source); err != nil {
		return err
	}
	for _, g := range []struct {
		territory string
		amount    int64
	}{{"domestic", r.Domestic}, {"worldwide", r.Worldwide}} {
		if g.amount == 0 { // unknown
			continue
		}
		if err := c.ExecArgs(ctx, `INSERT INTO box_office_grosses (film_id, territory, amount) VALUES (?, ?, ?)
			ON CONFLICT (film_id, territory) DO UPDATE SET amount = excluded.amount`, id, g.territory, g.amount); err != nil {
			return err
		}
	}
	return nil
}

// BulkNewFilm is a film an import creates from what one row says of it.
type BulkNewFilm struct {
	Title                      string
	Year                       int // 0: unknown
	ReleaseDate, Certification string
	RuntimeMin                 int64
	RatingAvg                  float64
	RatingVotes                int64
	Genre                      string // "" for none
	Now                        int64  // created_at, updated_at
}

// BulkCreateFilm adds f as a movie with the slug base, or base-2, base-3…
// when a film holds it, and returns its id and slug.
func BulkCreateFilm(ctx context.Context, c BulkConn, base string, f BulkNewFilm) (id int64, slug string, err error) {
	slug = base
	for i := 2; ; i++ {
		var n int64
		err := c.QueryArgs(ctx, "SELECT COUNT(*) FROM films WHERE slug = ?", func(v []driver.Value) error {
			n = bulkInt(v[0])
			return nil
		}, slug)
		if err != nil {
			return 0, "", err
		}
		if n == 0 {
			break
		}
		slug = base + "-" + strconv.Itoa(i)
	}
	var year driver.Value
	if f.Year != 0 {
		year = int64(f.Year)
	}
	err = c.ExecArgs(ctx, `INSERT INTO films (slug, title, year, release_date, runtime_min, certification, title_type,
		rating_avg, rating_votes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'movie', ?, ?, ?, ?)`,
		slug, f.Title, year, f.ReleaseDate, f.RuntimeMin, f.Certification, f.RatingAvg, f.RatingVotes, f.Now, f.Now)
	if err != nil {
		return 0, "", err
	}
	err = c.QueryArgs(ctx, "SELECT id FROM films WHERE slug = ?", func(v []driver.Value) error {
		id = bulkInt(v[0])
		return nil
	}, slug)
	if err == nil && f.Genre != "" {
		err = c.ExecArgs(ctx, "INSERT INTO film_genres (film_id, genre) VALUES (?, ?) ON CONFLICT DO NOTHING", id, f.Genre)
	}
	return id, slug, err
}
