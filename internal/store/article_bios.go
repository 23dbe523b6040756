package store

import (
	"context"
	"database/sql"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// ArticleBioSource is the source prefix of a biography proposed by a
// film's article (knowledge.PersonIntros): "article:" and the film's slug.
const ArticleBioSource = "article:"

// putArticleBios files what the film's article d says its credited people
// are (knowledge.PersonIntros) as their biographies, with the article as
// the source. A proposal never replaces a biography from elsewhere (a
// person NFO, another film's article): only one this film's article made
// before, which an import of a new revision withdraws first.
func putArticleBios(ctx context.Context, tx *sql.Tx, fid int64, filmSlug string, d *film.Dossier) error {
	source := ArticleBioSource + filmSlug
	if _, err := tx.ExecContext(ctx, "DELETE FROM person_bios WHERE source = $1", source); err != nil {
		return err
	}
	ids, names, err := creditedNames(ctx, tx, fid)
	if err != nil || len(names) == 0 {
		return err
	}
	chars, err := queryStrings(ctx, tx, `SELECT name FROM characters WHERE film_id = $1
		UNION SELECT character_name FROM credits WHERE film_id = $1 AND character_name <> ''`, fid)
	if err != nil {
		return err
	}
	for _, in := range knowledge.PersonIntros(d, names, chars) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_bios (person_id, biography, source, updated_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) DO NOTHING`, ids[in.Name], in.Text, source, now()); err != nil {
			return err
		}
	}
	return nil
}

// creditedNames returns the names of the people credited on the film, once
// per person (two people of one name give the name twice), and the id of
// each name.
func creditedNames(ctx context.Context, tx *sql.Tx, fid int64) (map[string]int64, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT p.id, p.name FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.film_id = $1 ORDER BY p.id`, fid)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	var names []string
	for rows.Next() {
		var (
			id   int64
			name string
		)
		if err := rows.Scan(&id, &name); err != nil {
			return nil, nil, err
		}
		ids[strings.TrimSpace(name)] = id
		names = append(names, name)
	}
	return ids, names, rows.Err()
}
