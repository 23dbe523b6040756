package catalog

import (
	"database/sql/driver"
	"strings"

	"marquee/internal/film"
)

// matcher finds catalog films for sources that carry no ids (Letterboxd,
// box-office tables): by title and year, with case and diacritics folded,
// then by alternative title; a year off by one matches when nothing
// matches exactly, since sources disagree on festival versus release year.
type matcher struct {
	db *bulkConn
}

// find returns the id of the best match for title and year (0 for any
// year), preferring the film with the most votes, or 0.
func (m matcher) find(title string, year int) (int64, error) {
	years := []int{year}
	if year > 0 {
		years = append(years, year-1, year+1)
	}
	for _, y := range years {
		id, err := m.bySlug(title, y)
		if id != 0 || err != nil {
			return id, err
		}
		if id, err = m.byAltTitle(title, y); id != 0 || err != nil {
			return id, err
		}
	}
	return 0, nil
}

// bySlug looks up the slug range a title and year produce: the slug
// itself and its disambiguated forms ("-tt…").
func (m matcher) bySlug(title string, year int) (int64, error) {
	base := film.Slugify(title)
	if base == "" {
		return 0, nil
	}
	want := film.Fold(title)
	q := `SELECT id, title, year FROM films WHERE slug >= ? AND slug < ? ORDER BY rating_votes DESC, id LIMIT 200`
	lo, hi := base, base+"~"
	if year > 0 {
		lo = film.FilmSlug(title, year)
		hi = lo + "-~"
	}
	var found int64
	// With a year, [lo, hi) holds "title-2003" and "title-2003-tt…" only.
	err := m.db.queryRows(q, func(v []driver.Value) error {
		if found != 0 {
			return nil
		}
		t, y := asString(v[1]), int(asInt(v[2]))
		if (year == 0 || y == year) && (film.Fold(t) == want || film.Slugify(t) == base) {
			found = asInt(v[0])
		}
		return nil
	}, lo, hi)
	return found, err
}

func (m matcher) byAltTitle(title string, year int) (int64, error) {
	var found int64
	err := m.db.queryRows(`SELECT f.id FROM alt_titles a JOIN films f ON f.id = a.film_id
		WHERE a.title IN (?, ?) AND (? = 0 OR f.year = ?) ORDER BY f.rating_votes DESC, f.id LIMIT 1`,
		func(v []driver.Value) error {
			found = asInt(v[0])
			return nil
		}, title, strings.ToLower(title), int64(year), int64(year))
	return found, err
}

func asInt(v driver.Value) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case float64:
		return int64(n)
	}
	return 0
}
