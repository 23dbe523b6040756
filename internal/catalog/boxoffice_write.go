package catalog

import "strconv"

// write keeps one valid row: it finds or creates the film, then upserts
// its box office and grosses. It says what the row did to the catalog:
// a new box-office record, values changed on one already there, or
// nothing, the catalog holding it as it is (then nothing is written).
func (l *boLoad) write(file string, pos int, r boRow) (rowState, error) {
	q, m, err := l.findFilm(r)
	if err != nil {
		return 0, err
	}
	l.sum.noteMatch(file, pos, q, m)
	id := m.id
	state := rowNew
	if id != 0 {
		if state, err = l.state(id, r); err != nil || state == rowSame {
			return state, err
		}
	}
	if l.w == nil {
		return state, nil
	}
	if id == 0 {
		if id, err = l.create(r); err != nil {
			return 0, err
		}
	} else {
		// Fill what the catalog lacks; never overwrite what it has.
		err = l.w.exec(`UPDATE films SET
			release_date = CASE WHEN release_date = '' THEN ? ELSE release_date END,
			runtime_min = CASE WHEN runtime_min = 0 THEN ? ELSE runtime_min END,
			certification = CASE WHEN certification = '' THEN ? ELSE certification END
			WHERE id = ?`, r.date, int64(r.runtime), r.cert, id)
		if err != nil {
			return 0, err
		}
	}
	if err := l.w.exec(`INSERT INTO box_office (film_id, currency, budget, source) VALUES (?, 'USD', ?, ?)
		ON CONFLICT (film_id) DO UPDATE SET budget = excluded.budget, source = excluded.source`, id, r.budget, l.source); err != nil {
		return 0, err
	}
	for _, g := range []struct {
		territory string
		amount    int64
	}{{"domestic", r.domestic}, {"worldwide", r.worldwide}} {
		if g.amount == 0 { // the dataset writes 0 for unknown
			continue
		}
		if err := l.w.exec(`INSERT INTO box_office_grosses (film_id, territory, amount) VALUES (?, ?, ?)
			ON CONFLICT (film_id, territory) DO UPDATE SET amount = excluded.amount`, id, g.territory, g.amount); err != nil {
			return 0, err
		}
	}
	return state, nil
}

// create adds a film the catalog lacks; a slug taken by another film gets
// "-2", "-3"… in input order.
func (l *boLoad) create(r boRow) (int64, error) {
	base := filmSlug(r.title, r.year)
	slug := base
	for i := 2; ; i++ {
		n, err := l.db.queryInt("SELECT COUNT(*) FROM films WHERE slug = ?", slug)
		if err != nil {
			return 0, err
		}
		if n == 0 {
			break
		}
		slug = base + "-" + strconv.Itoa(i)
	}
	err := l.w.exec(`INSERT INTO films (slug, title, year, release_date, runtime_min, certification, title_type,
		rating_avg, rating_votes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'movie', ?, ?, ?, ?)`,
		slug, r.title, nullInt(int64(r.year)), r.date, int64(r.runtime), r.cert, r.rating, r.votes, l.now, l.now)
	if err != nil {
		return 0, err
	}
	l.sum.noteCreated(slug, r.title, r.year)
	id, err := l.db.queryInt("SELECT id FROM films WHERE slug = ?", slug)
	if err == nil && r.genre != "" {
		err = l.w.exec("INSERT INTO film_genres (film_id, genre) VALUES (?, ?) ON CONFLICT DO NOTHING", id, r.genre)
	}
	return id, err
}

// rowState is what a row found in the catalog before it was written.
type rowState int

const (
	rowNew     rowState = iota // no record of it: the row adds one
	rowSame                    // its record, with the same values
	rowChanged                 // its record, with other values: the row updates it
)

// boState compares row r with what the catalog holds for film id: its
// box-office record, the grosses r gives, and the facts r would fill in.
const boState = `SELECT CASE WHEN b.film_id IS NULL THEN 0
	WHEN b.budget = ? AND b.source = ?
		AND (f.release_date <> '' OR CAST(? AS TEXT) = '') AND (f.runtime_min <> 0 OR CAST(? AS BIGINT) = 0) AND (f.certification <> '' OR CAST(? AS TEXT) = '')
		AND (CAST(? AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM box_office_grosses g WHERE g.film_id = f.id AND g.territory = 'domestic' AND g.amount = ?))
		AND (CAST(? AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM box_office_grosses g WHERE g.film_id = f.id AND g.territory = 'worldwide' AND g.amount = ?))
	THEN 1 ELSE 2 END
	FROM films f LEFT JOIN box_office b ON b.film_id = f.id WHERE f.id = ?`

func (l *boLoad) state(id int64, r boRow) (rowState, error) {
	n, err := l.db.queryInt(boState, r.budget, l.source, r.date, int64(r.runtime), r.cert,
		r.domestic, r.domestic, r.worldwide, r.worldwide, id)
	return rowState(n), err
}
