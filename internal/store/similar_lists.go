package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// SimilarRow is one entry of a film's precomputed similar list.
type SimilarRow struct {
	OtherID int64
	Score   float64 // the blend
	Content float64 // the content part, 0–1
	Collab  float64 // the collaborative part, 0–1
	Reasons []string
}

// RecFilm names a film in a list, with the ids other systems know it by.
type RecFilm struct {
	ID          int64  `json:"-"`
	Slug        string `json:"slug"`
	Title       string `json:"title"`
	Year        int    `json:"year,omitempty"`
	IMDb        string `json:"imdb_id,omitempty"`
	MovieLensID int64  `json:"movielens_id,omitempty"`
}

// SimilarFilm is a stored similar film with the film it points to.
type SimilarFilm struct {
	Film    RecFilm  `json:"film"`
	Score   float64  `json:"score"`
	Content float64  `json:"content"`
	Collab  float64  `json:"collaborative"`
	Reasons []string `json:"reasons"`
}

// SimilarStamp is what a refresh of a film's similar list adds to the
// film's page stamp (film_member_stats.gen, which members' writes move by
// one): the page cache sees from the stamp's high part that the page must
// be rendered whole, not only its members' block (SimilarChanged).
const SimilarStamp = 1 << 32

// SimilarChanged reports whether a film's similar list was refreshed
// between two of its page stamps.
func SimilarChanged(before, after int64) bool { return before/SimilarStamp != after/SimilarStamp }

// similarChunk bounds the films whose lists one refresh transaction
// replaces, so a large refresh holds the writer for short stretches.
const similarChunk = 100

// ReplaceSimilar replaces the similar lists of the films in lists (and
// only those). When all is true every other film's list is deleted too,
// for a full rebuild, in one transaction that moves the catalog's cache
// stamp. Otherwise (the refresher's incremental lists) the films are
// replaced similarChunk at a time, each film's list whole, and only those
// films' pages are marked stale (SimilarStamp); a failure leaves the
// films not yet reached as they were, for the next refresh to redo.
func (s *Store) ReplaceSimilar(ctx context.Context, lists map[int64][]SimilarRow, all bool) error {
	if all {
		return s.Transact(ctx, func(tx *sql.Tx) error {
			for _, table := range []string{"similar_films", "similar_packed"} {
				if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
					return fmt.Errorf("clear similar lists: %w", err)
				}
			}
			return putSimilar(ctx, tx, lists, "built_at")
		})
	}
	ids := make([]int64, 0, len(lists))
	for id := range lists {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), similarChunk)]
		ids = ids[len(chunk):]
		part := make(map[int64][]SimilarRow, len(chunk))
		for _, id := range chunk {
			part[id] = lists[id]
		}
		err := s.transact(ctx, func(tx *sql.Tx) error {
			for _, table := range []string{"similar_films", "similar_packed"} {
				q, args := inList("DELETE FROM "+table+" WHERE film_id IN ", chunk)
				if _, err := tx.ExecContext(ctx, q, args...); err != nil {
					return fmt.Errorf("delete similar lists: %w", err)
				}
			}
			if err := putSimilar(ctx, tx, part, "refreshed_at"); err != nil {
				return err
			}
			return markSimilarStale(ctx, tx, chunk)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// markSimilarStale moves the page stamps of films whose similar lists
// changed. A film no member has touched has no stamp row; then the
// catalog's stamp moves instead (every page is rendered again once).
func markSimilarStale(ctx context.Context, tx *sql.Tx, ids []int64) error {
	q, args := inList("UPDATE film_member_stats SET gen = gen + "+strconv.Itoa(SimilarStamp)+" WHERE film_id IN ", ids)
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("mark similar lists changed: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == int64(len(ids)) {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1)
		ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1`)
	return err
}

// putSimilar inserts lists and records when (key) they were stored.
func putSimilar(ctx context.Context, tx *sql.Tx, lists map[int64][]SimilarRow, key string) error {
	if err := insertSimilar(ctx, tx, lists); err != nil {
		return err
	}
	if err := insertPacked(ctx, tx, lists); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO recommend_state (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, strconv.FormatInt(time.Now().Unix(), 10))
	if err != nil {
		return fmt.Errorf("record similar-list build: %w", err)
	}
	return nil
}

func insertPacked(ctx context.Context, tx *sql.Tx, lists map[int64][]SimilarRow) error {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO similar_packed (film_id, neighbours) VALUES ($1, $2)")
	if err != nil {
		return fmt.Errorf("insert packed lists: %w", err)
	}
	defer stmt.Close()
	var b []byte
	for id, rows := range lists {
		b = b[:0]
		for i, r := range rows {
			if i > 0 {
				b = append(b, ';')
			}
			b = strconv.AppendInt(b, r.OtherID, 10)
			b = append(b, ':')
			b = strconv.AppendFloat(b, r.Score, 'g', 6, 64)
		}
		if _, err := stmt.ExecContext(ctx, id, string(b)); err != nil {
			return fmt.Errorf("insert packed lists: %w", err)
		}
	}
	return nil
}

const similarBatch = 100 // rows per INSERT: 700 parameters

func insertSimilar(ctx context.Context, tx *sql.Tx, lists map[int64][]SimilarRow) error {
	const cols = 7
	stmt := func(rows int) string {
		var b strings.Builder
		b.WriteString("INSERT INTO similar_films (film_id, ord, other_id, score, content, collab, reasons) VALUES ")
		for r := range rows {
			if r > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('(')
			for k := 1; k <= cols; k++ {
				if k > 1 {
					b.WriteByte(',')
				}
				b.WriteString("$" + strconv.Itoa(r*cols+k))
			}
			b.WriteByte(')')
		}
		return b.String()
	}
	// The full batch's statement is prepared once: preparing a
	// 700-parameter INSERT per batch cost more than running it.
	full, err := tx.PrepareContext(ctx, stmt(similarBatch))
	if err != nil {
		return fmt.Errorf("insert similar lists: %w", err)
	}
	defer full.Close()
	args := make([]any, 0, similarBatch*cols)
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		var err error
		if len(args) == similarBatch*cols {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, stmt(len(args)/cols), args...)
		}
		args = args[:0]
		if err != nil {
			return fmt.Errorf("insert similar lists: %w", err)
		}
		return nil
	}
	for id, rows := range lists {
		for i, r := range rows {
			reasons, err := json.Marshal(nonNil(r.Reasons))
			if err != nil {
				return err
			}
			args = append(args, id, i+1, r.OtherID, r.Score, r.Content, r.Collab, string(reasons))
			if len(args) == similarBatch*cols {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// inList returns prefix followed by "($1, $2, …)" and the ids as arguments.
func inList(prefix string, ids []int64) (string, []any) {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('(')
	args := make([]any, len(ids))
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("$" + strconv.Itoa(i+1))
		args[i] = id
	}
	b.WriteByte(')')
	return b.String(), args
}

// SimilarFilms returns the stored similar list of the film with slug,
// best first, at most limit entries. An unknown slug is ErrNotFound; a
// known film without a list yet gives an empty list.
func (s *Store) SimilarFilms(ctx context.Context, slug string, limit int) (RecFilm, []SimilarFilm, error) {
	ref, err := s.RecFilmBySlug(ctx, slug)
	if err != nil {
		return ref, nil, err
	}
	var out []SimilarFilm
	err = s.eachRow(ctx, `SELECT f.id, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''),
			COALESCE((SELECT MIN(m.movie_id) FROM movielens_movies m WHERE m.film_id = f.id), 0),
			sf.score, sf.content, sf.collab, sf.reasons
		FROM similar_films sf JOIN films f ON f.id = sf.other_id
		WHERE sf.film_id = $1 ORDER BY sf.ord LIMIT $2`, []any{ref.ID, limit}, func(rows *sql.Rows) error {
		var (
			sf      SimilarFilm
			reasons string
		)
		if err := rows.Scan(&sf.Film.ID, &sf.Film.Slug, &sf.Film.Title, &sf.Film.Year, &sf.Film.IMDb, &sf.Film.MovieLensID,
			&sf.Score, &sf.Content, &sf.Collab, &reasons); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(reasons), &sf.Reasons); err != nil {
			return fmt.Errorf("reasons of %s: %w", sf.Film.Slug, err)
		}
		out = append(out, sf)
		return nil
	})
	if err != nil {
		return ref, nil, s.wrap(err, "similar films of", "film", slug)
	}
	return ref, out, nil
}

// RecFilmBySlug returns the film with slug as a RecFilm, or ErrNotFound.
func (s *Store) RecFilmBySlug(ctx context.Context, slug string) (RecFilm, error) {
	var ref RecFilm
	err := s.read.QueryRowContext(ctx, `SELECT f.id, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''),
			COALESCE((SELECT MIN(m.movie_id) FROM movielens_movies m WHERE m.film_id = f.id), 0)
		FROM films f WHERE f.slug = $1`, slug).Scan(&ref.ID, &ref.Slug, &ref.Title, &ref.Year, &ref.IMDb, &ref.MovieLensID)
	if err != nil {
		return ref, s.wrap(notFound(err, "film", slug), "get", "film", slug)
	}
	return ref, nil
}

// RecFilms returns the films with the given ids, keyed by id; ids that do
// not exist are left out.
func (s *Store) RecFilms(ctx context.Context, ids []int64) (map[int64]RecFilm, error) {
	out := make(map[int64]RecFilm, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		q, args := inList(`SELECT f.id, f.slug, f.title, COALESCE(f.year, 0), COALESCE(f.imdb_id, ''),
			COALESCE((SELECT MIN(m.movie_id) FROM movielens_movies m WHERE m.film_id = f.id), 0)
			FROM films f WHERE f.id IN `, ids[:n])
		err := s.eachRow(ctx, q, args, func(rows *sql.Rows) error {
			var ref RecFilm
			if err := rows.Scan(&ref.ID, &ref.Slug, &ref.Title, &ref.Year, &ref.IMDb, &ref.MovieLensID); err != nil {
				return err
			}
			out[ref.ID] = ref
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("film refs: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}

// Neighbour is one entry of a stored similar list, without its film.
type Neighbour struct {
	FilmID  int64
	OtherID int64
	Score   float64
}

// Neighbours returns the stored similar lists of the films with ids, at
// most perFilm entries each, for scoring recommendations.
func (s *Store) Neighbours(ctx context.Context, ids []int64, perFilm int) ([]Neighbour, error) {
	var out []Neighbour
	for len(ids) > 0 {
		n := min(len(ids), 500)
		q, args := inList(`SELECT film_id, neighbours FROM similar_packed WHERE film_id IN `, ids[:n])
		err := s.eachRow(ctx, q, args, func(rows *sql.Rows) error {
			var (
				id     int64
				packed string
			)
			if err := rows.Scan(&id, &packed); err != nil {
				return err
			}
			for k, pair := range strings.Split(packed, ";") {
				if k == perFilm || pair == "" {
					break
				}
				other, score, ok := strings.Cut(pair, ":")
				o, err1 := strconv.ParseInt(other, 10, 64)
				sc, err2 := strconv.ParseFloat(score, 64)
				if !ok || err1 != nil || err2 != nil {
					return fmt.Errorf("similar list of film %d: bad entry %q", id, pair)
				}
				out = append(out, Neighbour{FilmID: id, OtherID: o, Score: sc})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("similar lists: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}
