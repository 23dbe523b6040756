package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// answerBatch is how many films refreshAnswers reads at a time. Each
// batch's films and credits are read in full (one id range, in key
// order) before its answers are written, so no result set is open during
// a write — which PostgreSQL's connections require.
const answerBatch = 5000

// refreshAnswers recomputes the generated answers of the scope's films.
func (s *Store) refreshAnswers(ctx context.Context, tx *sql.Tx, sc scope, progress func(done, total int), res *KnowledgeResult) error {
	u, err := s.loadUniverse(ctx, tx, sc)
	if err != nil {
		return err
	}
	side, err := loadSideFacts(ctx, tx, sc)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM film_knowledge WHERE "+sc.films("film_id")); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, "INSERT INTO film_knowledge (film_id, body, updated_at) VALUES ($1, $2, $3)")
	if err != nil {
		return err
	}
	defer ins.Close()
	now := nowUnix()
	total := len(u.films)
	for after := int64(-1); ; {
		batch, err := readFilmBatch(ctx, tx, sc, after)
		if err != nil || len(batch) == 0 {
			return err
		}
		after = batch[len(batch)-1].Film.ID
		names, err := readCreditBatch(ctx, tx, sc, batch)
		if err != nil {
			return err
		}
		for i, f := range batch {
			k := &Knowledge{}
			fid := f.Film.ID
			side.addSide(f, fid, k)
			f.Others = u.others(f, fid, names[i])
			k.Answers = knowledge.FilmFAQ(f)
			res.Films++
			if len(k.Answers) == 0 && len(k.ArticleAdvisories) == 0 {
				continue
			}
			body, err := json.Marshal(k)
			if err != nil {
				return err
			}
			if _, err := ins.ExecContext(ctx, fid, string(body), now); err != nil {
				return fmt.Errorf("film %q: %w", f.Film.Slug, err)
			}
			res.Answered++
			res.Answers += len(k.Answers)
		}
		if progress != nil {
			progress(res.Films, max(total, res.Films))
		}
	}
}

// readFilmBatch reads the next answerBatch films of the scope after id.
func readFilmBatch(ctx context.Context, tx *sql.Tx, sc scope, after int64) ([]*knowledge.Facts, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, slug, title, year, runtime_min, certification, setting_place, setting_period,
		COALESCE(imdb_id, ''), rating_avg, rating_votes FROM films f WHERE f.id > $1 AND `+sc.films("f.id")+" ORDER BY id LIMIT $2", after, answerBatch)
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

// readCreditBatch adds the directors, writers and leading cast of the
// batch's films, and returns each film's cast names by person id.
func readCreditBatch(ctx context.Context, tx *sql.Tx, sc scope, batch []*knowledge.Facts) ([]map[int64]string, error) {
	lo, hi := batch[0].Film.ID, batch[len(batch)-1].Film.ID
	rows, err := tx.QueryContext(ctx, `SELECT c.film_id, c.role, c.billing, c.character_name, p.id, p.slug, p.name
		FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.film_id BETWEEN $1 AND $2 AND (c.role IN ('director', 'writer') OR c.role = 'cast' AND c.billing BETWEEN 0 AND 8)
		ORDER BY c.film_id, c.billing, p.name`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := make([]map[int64]string, len(batch))
	i := 0
	for rows.Next() {
		var (
			fid, pid int64
			c        film.Credit
			role     string
		)
		if err := rows.Scan(&fid, &role, &c.Billing, &c.Character, &pid, &c.PersonSlug, &c.PersonName); err != nil {
			return nil, err
		}
		for i < len(batch) && batch[i].Film.ID < fid {
			i++
		}
		if i == len(batch) || batch[i].Film.ID != fid {
			continue // a film outside the scope within the id range
		}
		f := batch[i]
		c.Role = film.Role(role)
		switch c.Role {
		case film.RoleDirector:
			f.Directors = append(f.Directors, c)
		case film.RoleWriter:
			f.Writers = append(f.Writers, c)
		case film.RoleCast:
			f.Cast = append(f.Cast, c)
			if names[i] == nil {
				names[i] = map[int64]string{}
			}
			names[i][pid] = c.PersonName
		}
	}
	return names, rows.Err()
}
