package store

import (
	"context"
	"fmt"
	"strings"

	"marquee/internal/film"
)

// FilmsAfter returns up to limit films matching f (Sort, Limit and Offset
// are ignored) whose internal id is greater than after, in id order, for
// cursor pagination: the next page starts after the last film's ID.
func (s *Store) FilmsAfter(ctx context.Context, f FilmFilter, after int64, limit int) ([]film.Film, error) {
	where, args := filmWhere(f)
	args = append(args, after)
	where = append(where, fmt.Sprintf("f.id > $%d", len(args)))
	args = append(args, min(max(limit, 1), 500))
	q := fmt.Sprintf("SELECT %s FROM films f WHERE %s ORDER BY f.id LIMIT $%d", filmColumns, strings.Join(where, " AND "), len(args))
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list films: %w", err)
	}
	defer rows.Close()
	var out []film.Film
	for rows.Next() {
		fm, err := scanFilm(rows)
		if err != nil {
			return nil, fmt.Errorf("list films: %w", err)
		}
		out = append(out, fm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list films: %w", err)
	}
	return out, s.fillGenres(ctx, out)
}

// LatestFilms returns up to limit released films, newest year first
// (announced titles dated after maxYear are left out).
func (s *Store) LatestFilms(ctx context.Context, maxYear, limit int) ([]film.Film, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+filmColumns+` FROM films f
		WHERE f.year > 0 AND f.year <= $1 ORDER BY f.year DESC, f.id DESC LIMIT $2`, maxYear, limit)
	if err != nil {
		return nil, fmt.Errorf("latest films: %w", err)
	}
	defer rows.Close()
	var out []film.Film
	for rows.Next() {
		fm, err := scanFilm(rows)
		if err != nil {
			return nil, fmt.Errorf("latest films: %w", err)
		}
		out = append(out, fm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("latest films: %w", err)
	}
	return out, nil
}

// filmWhere turns the filtering fields of f into SQL conditions on films f
// with $n placeholders numbered from 1.
func filmWhere(f FilmFilter) ([]string, []any) {
	where, args := FilterSQL(f.Filter, FilterColumns{FilmID: "f.id", Film: "f"}, 1)
	if len(where) == 0 {
		where = append(where, "1 = 1")
	}
	return where, args
}

// FilterColumns names what FilterSQL's conditions test: FilmID is the
// film's id expression; Film, when set, is an alias of the films table
// already joined (its year and certification are tested directly),
// otherwise Year names the year expression and the rest is looked up by id.
type FilterColumns struct {
	FilmID string // "f.id", "d.film_id"
	Film   string // "f", or "" when films is not joined
	Year   string // with Film "": the film's year, e.g. "d.year"
	// Membership writes the conditions on other tables (genre, theme,
	// director, award) as FilmID IN (SELECT film_id …) rather than EXISTS:
	// a count can then start from those tables' indexes (a genre's 106 k
	// films on the 1 M catalog counted in 26 ms, not by testing all 360 k
	// films in 5 s), while a sorted page keeps EXISTS, walking its order's
	// index and stopping at the page.
	Membership bool
}

// FilterSQL is the one SQL builder for film.Filter: it returns one
// condition per set field, with $n placeholders numbered from next, for
// the store's lists and for search.
func FilterSQL(f film.Filter, c FilterColumns, next int) ([]string, []any) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", next+len(args)-1)))
	}
	year, onFilm := c.Year, func(col string) string {
		return "EXISTS (SELECT 1 FROM films x WHERE x.id = " + c.FilmID + " AND x." + col + ")"
	}
	if c.Film != "" {
		year = c.Film + ".year"
		onFilm = func(col string) string { return c.Film + "." + col }
	}
	if f.Year != 0 {
		add(year+" = ?", f.Year)
	}
	if f.Decade != 0 {
		add(year+" >= ?", f.Decade)
		add(year+" < ?", f.Decade+10)
	}
	// in is the condition that the film is among the film ids of table(s)
	// from (alias a carries film_id) that meet cond.
	in := func(from, a, cond string) string {
		if c.Membership {
			return c.FilmID + " IN (SELECT " + a + ".film_id FROM " + from + " WHERE " + cond + ")"
		}
		return "EXISTS (SELECT 1 FROM " + from + " WHERE " + a + ".film_id = " + c.FilmID + " AND " + cond + ")"
	}
	if f.Genre != "" {
		add(in("film_genres g", "g", "g.genre = ?"), f.Genre)
	}
	if f.Certification != "" {
		add(onFilm("certification = ?"), f.Certification)
	}
	if f.Country != "" {
		add(onFilm("countries <> '' AND (',' || "+colOf(c, "countries")+" || ',') LIKE ('%,' || ? || ',%')"), f.Country)
	}
	if f.Theme != "" {
		add(in("film_themes ft JOIN themes t ON t.id = ft.theme_id", "ft", "t.slug = ?"), f.Theme)
	}
	if f.Director != "" {
		add(in("credits c JOIN people p ON p.id = c.person_id", "c", "c.role = 'director' AND p.slug = ?"), f.Director)
	}
	if f.Award != "" {
		add(in("awards aw", "aw", "aw.outcome = 'won' AND aw.category = ?"), f.Award)
	}
	if f.TitleType != "" {
		add(onFilm("title_type = ?"), f.TitleType)
	}
	return where, args
}

// colOf is a films column as FilterSQL's conditions see it.
func colOf(c FilterColumns, col string) string {
	if c.Film != "" {
		return c.Film + "." + col
	}
	return "x." + col
}

// fillGenres sets the genres of each film in fs, in one query.
func (s *Store) fillGenres(ctx context.Context, fs []film.Film) error {
	if len(fs) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(fs))
	ph := make([]string, len(fs))
	args := make([]any, len(fs))
	for i, f := range fs {
		idx[f.ID] = i
		ph[i] = fmt.Sprintf("$%d", i+1)
		args[i] = f.ID
	}
	rows, err := s.read.QueryContext(ctx, "SELECT film_id, genre FROM film_genres WHERE film_id IN ("+strings.Join(ph, ",")+") ORDER BY film_id, genre", args...)
	if err != nil {
		return fmt.Errorf("genres of films: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			g  string
		)
		if err := rows.Scan(&id, &g); err != nil {
			return err
		}
		fs[idx[id]].Genres = append(fs[idx[id]].Genres, g)
	}
	return rows.Err()
}

// PeopleAfter returns up to limit people whose internal id is greater than
// after, in id order, for cursor pagination.
func (s *Store) PeopleAfter(ctx context.Context, after int64, limit int) ([]film.Person, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+personColumns+" FROM people p WHERE p.id > $1 ORDER BY p.id LIMIT $2", after, min(max(limit, 1), 500))
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	var out []film.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, fmt.Errorf("list people: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// TopDirectors returns the people credited as director on the most films,
// with their film counts, most prolific first.
func (s *Store) TopDirectors(ctx context.Context, limit int) ([]Count, error) {
	// Grouping on "person_id + 0" keeps SQLite from walking the
	// credits_person index row by row (30 s on ten million credits) when
	// one pass over the table takes about one.
	out, err := s.counts(ctx, `SELECT p.slug, x.n FROM (
			SELECT c.person_id + 0 AS pid, COUNT(*) AS n FROM credits c WHERE c.role = 'director'
			GROUP BY c.person_id + 0 ORDER BY n DESC LIMIT $1) x
		JOIN people p ON p.id = x.pid ORDER BY x.n DESC, p.slug`, limit)
	if err != nil {
		return nil, fmt.Errorf("top directors: %w", err)
	}
	return out, nil
}

// LinkName returns the name under which dossiers mention the entity of the
// given kind ("place", "publication", …) and slug, or a
// *film.NotFoundError when no dossier does.
func (s *Store) LinkName(ctx context.Context, kind, slug string) (string, error) {
	var name string
	err := s.read.QueryRowContext(ctx, "SELECT name FROM dossier_links WHERE kind = $1 AND slug = $2 ORDER BY name LIMIT 1", kind, slug).Scan(&name)
	if err != nil {
		return "", s.wrap(notFound(err, kind, slug), "get", kind, slug)
	}
	return name, nil
}

// RatingHistogram counts a film's per-user ratings (user_ratings, any
// source) into ten buckets by rating on a 0–10 scale: bucket i holds
// ratings r with i < r ≤ i+1 (a rating of 0 falls in bucket 0). Ratings
// on a 0–5 scale are assumed when no rating exceeds 5, and doubled. It
// also returns the mean rating on the 0–10 scale (0 when there are none).
func (s *Store) RatingHistogram(ctx context.Context, filmSlug string) ([10]int, float64, error) {
	return ratingHistogram(ctx, s.read, filmSlug)
}

func ratingHistogram(ctx context.Context, q querier, filmSlug string) ([10]int, float64, error) {
	var h [10]int
	rows, err := q.QueryContext(ctx, `SELECT r.rating, COUNT(*) FROM user_ratings r JOIN films f ON f.id = r.film_id
		WHERE f.slug = $1 GROUP BY r.rating`, filmSlug)
	if err != nil {
		return h, 0, fmt.Errorf("rating histogram of %q: %w", filmSlug, err)
	}
	defer rows.Close()
	type bucket struct {
		r float64
		n int
	}
	var bs []bucket
	top := 0.0
	for rows.Next() {
		var b bucket
		if err := rows.Scan(&b.r, &b.n); err != nil {
			return h, 0, err
		}
		bs = append(bs, b)
		top = max(top, b.r)
	}
	if err := rows.Err(); err != nil {
		return h, 0, err
	}
	scale := 1.0
	if top <= 5 {
		scale = 2
	}
	var sum float64
	var n int
	for _, b := range bs {
		i := int(b.r*scale+0.999) - 1
		h[min(max(i, 0), 9)] += b.n
		sum += b.r * scale * float64(b.n)
		n += b.n
	}
	if n == 0 {
		return h, 0, nil
	}
	return h, sum / float64(n), nil
}

// DossierFilm is a film with a dossier, for feeds and sitemaps.
type DossierFilm struct {
	FilmRef
	Revision  int
	CreatedAt int64 // when the dossier was first stored, Unix seconds
	UpdatedAt int64 // when it was last revised
}

// DossierFilms returns up to limit films with a dossier, most recently
// revised first.
func (s *Store) DossierFilms(ctx context.Context, limit int) ([]DossierFilm, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, COALESCE(f.year, 0), d.revision, d.created_at, d.updated_at
		FROM dossiers d JOIN films f ON f.id = d.film_id ORDER BY d.updated_at DESC, f.slug LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("films with dossiers: %w", err)
	}
	defer rows.Close()
	var out []DossierFilm
	for rows.Next() {
		var d DossierFilm
		if err := rows.Scan(&d.Slug, &d.Title, &d.Year, &d.Revision, &d.CreatedAt, &d.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SlugsInRange returns the slugs of films (table "films") or people
// ("people") with internal ids in (lo, hi], in id order, for sitemaps.
func (s *Store) SlugsInRange(ctx context.Context, table string, lo, hi int64) ([]string, error) {
	if table != "films" && table != "people" {
		return nil, fmt.Errorf("slugs of %q: not a table with slugs", table)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT slug FROM "+table+" WHERE id > $1 AND id <= $2 ORDER BY id", lo, hi)
	if err != nil {
		return nil, fmt.Errorf("slugs of %s: %w", table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, err
		}
		out = append(out, slug)
	}
	return out, rows.Err()
}

// MaxID returns the highest internal id of films (table "films") or people
// ("people"), 0 when there are none.
func (s *Store) MaxID(ctx context.Context, table string) (int64, error) {
	if table != "films" && table != "people" {
		return 0, fmt.Errorf("max id of %q: not a table with ids", table)
	}
	var n int64
	if err := s.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+table).Scan(&n); err != nil {
		return 0, fmt.Errorf("max id of %s: %w", table, err)
	}
	return n, nil
}

// CountRows returns the number of films (table "films") or people ("people").
func (s *Store) CountRows(ctx context.Context, table string) (int, error) {
	if table != "films" && table != "people" {
		return 0, fmt.Errorf("count %q: not a countable table", table)
	}
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		return 0, fmt.Errorf("count %s: %w", table, err)
	}
	return n, nil
}

// DossierVersion returns the revision and last update of a film's
// dossier without reading its body. A (film, revision) pair names one
// body for good — revisions are numbered in the write transaction and
// never reused — so what is derived from a body can be kept under it.
func (s *Store) DossierVersion(ctx context.Context, filmSlug string) (rev int, updated int64, err error) {
	return s.dossierVersion(ctx, s.read, filmSlug)
}

func (s *Store) dossierVersion(ctx context.Context, q querier, filmSlug string) (rev int, updated int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT d.revision, d.updated_at FROM dossiers d JOIN films f ON f.id = d.film_id
		WHERE f.slug = $1`, filmSlug).Scan(&rev, &updated)
	if err != nil {
		return 0, 0, s.wrap(notFound(err, "dossier", filmSlug), "get version of", "dossier", filmSlug)
	}
	return rev, updated, nil
}
