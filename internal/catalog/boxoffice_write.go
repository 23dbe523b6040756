package catalog

import (
	"context"

	"marquee/internal/store"
)

// write keeps one valid row: it finds or creates the film, then upserts
// its box office and grosses (store.BulkWriteBoxOffice). It says what the
// row did to the catalog: a new box-office record, values changed on one
// already there, or nothing, the catalog holding it as it is (then
// nothing is written).
func (l *boLoad) write(ctx context.Context, file string, pos int, r boRow) (rowState, error) {
	q, m, err := l.findFilm(r)
	if err != nil {
		return 0, err
	}
	l.sum.noteMatch(file, pos, q, m)
	id := m.id
	state := rowNew
	row := store.BulkBoxOffice{Budget: r.budget, Domestic: r.domestic, Worldwide: r.worldwide, Source: l.source,
		ReleaseDate: r.date, Certification: r.cert, RuntimeMin: int64(r.runtime)}
	if id != 0 {
		n, err := store.BulkBoxOfficeState(ctx, l.db, id, row)
		if state = rowState(n); err != nil || state == rowSame {
			return state, err
		}
	}
	if l.w == nil {
		return state, nil
	}
	fill := id != 0
	if id == 0 {
		// A film the catalog lacks; a slug taken by another film gets
		// "-2", "-3"… in input order.
		var slug string
		id, slug, err = store.BulkCreateFilm(ctx, l.w, filmSlug(r.title, r.year), store.BulkNewFilm{Title: r.title, Year: r.year,
			ReleaseDate: r.date, Certification: r.cert, RuntimeMin: int64(r.runtime), RatingAvg: r.rating, RatingVotes: r.votes,
			Genre: r.genre, Now: l.now})
		if err != nil {
			return 0, err
		}
		l.sum.noteCreated(slug, r.title, r.year)
	}
	return state, store.BulkWriteBoxOffice(ctx, l.w, id, row, fill)
}

// rowState is what a row found in the catalog before it was written.
type rowState int

const (
	rowNew     rowState = store.BoxOfficeNew     // no record of it: the row adds one
	rowSame    rowState = store.BoxOfficeSame    // its record, with the same values
	rowChanged rowState = store.BoxOfficeChanged // its record, with other values: the row updates it
)
