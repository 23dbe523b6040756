package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// Tuning of the answers refresh: films are compared in chunks of
// answerChunk by answerWorkers goroutines, and their rows written by the
// transaction's goroutine insertRows at a time in multi-row INSERTs (two
// parameters a row, within the thousand a statement that both engines take
// comfortably).
const (
	answerChunk   = 5000
	answerWorkers = 2
	insertRows    = 500
)

// knowledgeRow is one film_knowledge row to write.
type knowledgeRow struct {
	filmID int64
	body   []byte
}

// chunkResult is what a worker computed for one chunk of films.
type chunkResult struct {
	films, compared int
	rows            []knowledgeRow
	err             error
}

// refreshAnswers recomputes what the scope's films' answers need from the
// whole catalog: the director's other films with what they share, and
// what the dossiers say. Everything is read set-based (one query per kind
// of fact over all films: see loadUniverse), compared in parallel, and
// written in multi-row INSERTs; a film with nothing to store gets no row.
// The answers' words are written at read time (FilmKnowledge).
func (s *Store) refreshAnswers(ctx context.Context, tx *sql.Tx, sc scope, u *universe, dossiers map[int64]slugDossier, progress func(done, total int), res *KnowledgeResult) error {
	targets := sc.targets(u)
	del := "DELETE FROM film_knowledge"
	if !sc.all {
		del += " WHERE " + sc.films("film_id")
	}
	if _, err := tx.ExecContext(ctx, del); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := computeChunks(ctx, u, targets, dossiers)
	w := &rowWriter{tx: tx, table: "film_knowledge (film_id, body, updated_at)", extra: ", " + strconv.FormatInt(now(), 10)}
	defer w.close()
	total := len(targets)
	for r := range results {
		if r.err != nil {
			return r.err
		}
		if err := w.write(ctx, r.rows); err != nil {
			return err
		}
		res.Films += r.films
		res.Compared += r.compared
		res.Stored += len(r.rows)
		if progress != nil {
			progress(res.Films, total)
		}
	}
	return ctx.Err()
}

// targets lists the universe indexes of the scope's own films.
func (sc scope) targets(u *universe) []int32 {
	if sc.all {
		out := make([]int32, len(u.films))
		for i := range out {
			out[i] = int32(i)
		}
		return out
	}
	var out []int32
	for _, id := range strings.Split(sc.ids, ",") {
		n, _ := strconv.ParseInt(id, 10, 64)
		if i, ok := u.index[n]; ok {
			out = append(out, i)
		}
	}
	return out
}

// computeChunks compares the targets in chunks on answerWorkers
// goroutines; the channel closes when all are done or ctx is cancelled.
func computeChunks(ctx context.Context, u *universe, targets []int32, dossiers map[int64]slugDossier) <-chan chunkResult {
	chunks := make(chan []int32)
	results := make(chan chunkResult, answerWorkers)
	go func() {
		defer close(chunks)
		for lo := 0; lo < len(targets); lo += answerChunk {
			select {
			case chunks <- targets[lo:min(lo+answerChunk, len(targets))]:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range answerWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range chunks {
				select {
				case results <- computeChunk(u, c, dossiers):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	return results
}

func computeChunk(u *universe, chunk []int32, dossiers map[int64]slugDossier) chunkResult {
	r := chunkResult{films: len(chunk)}
	for _, i := range chunk {
		fid := u.films[i].id
		st := storedKnowledge{Others: u.others(i)}
		if len(st.Others) > 0 {
			r.compared++
		}
		if d, ok := dossiers[fid]; ok {
			dossierKnowledge(d.dossier, d.slug, &st)
		}
		if st.empty() {
			continue
		}
		body, err := json.Marshal(&st)
		if err != nil {
			r.err = fmt.Errorf("knowledge of film %d: %w", fid, err)
			return r
		}
		r.rows = append(r.rows, knowledgeRow{filmID: fid, body: body})
	}
	return r
}

// rowWriter writes (id, body) rows insertRows at a time through one
// prepared multi-row INSERT, and the remainder through a shorter one.
type rowWriter struct {
	tx    *sql.Tx
	table string // "name (id column, body column[, …])"
	extra string // SQL literals after the two parameters of each row: ", 1234"
	full  *sql.Stmt
	args  []any
}

func (w *rowWriter) write(ctx context.Context, rows []knowledgeRow) error {
	for len(rows) > 0 {
		n := min(len(rows), insertRows)
		w.args = w.args[:0]
		for _, r := range rows[:n] {
			w.args = append(w.args, r.filmID, string(r.body))
		}
		var err error
		if n == insertRows {
			if w.full == nil {
				if w.full, err = w.tx.PrepareContext(ctx, w.insert(n)); err != nil {
					return err
				}
			}
			_, err = w.full.ExecContext(ctx, w.args...)
		} else {
			_, err = w.tx.ExecContext(ctx, w.insert(n), w.args...)
		}
		if err != nil {
			return fmt.Errorf("write %s rows %d–%d: %w", w.table, rows[0].filmID, rows[n-1].filmID, err)
		}
		rows = rows[n:]
	}
	return nil
}

// insert is the INSERT of n rows.
func (w *rowWriter) insert(n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + w.table + " VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "($%d, $%d%s)", 2*i+1, 2*i+2, w.extra)
	}
	return b.String()
}

func (w *rowWriter) close() {
	if w.full != nil {
		w.full.Close()
	}
}

// readFilms reads the films matching where (a condition on films f) with
// the catalog facts their answers need.
func readFilms(ctx context.Context, q querier, where string, args ...any) ([]*knowledge.Facts, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, slug, title, COALESCE(year, 0), runtime_min, certification, setting_place, setting_period,
		COALESCE(imdb_id, ''), rating_avg, rating_votes FROM films f WHERE `+where+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*knowledge.Facts
	for rows.Next() {
		fm := &film.Film{}
		if err := rows.Scan(&fm.ID, &fm.Slug, &fm.Title, &fm.Year, &fm.RuntimeMin, &fm.Certification, &fm.Setting.Place,
			&fm.Setting.Period, &fm.IDs.IMDb, &fm.Rating.Average, &fm.Rating.Votes); err != nil {
			return nil, err
		}
		out = append(out, &knowledge.Facts{Film: fm, Catalog: knowledge.CatalogSource(fm.IDs.IMDb, "/films/"+fm.Slug+"#facts-h", false)})
	}
	return out, rows.Err()
}
