package store

import (
	"context"
	"database/sql"

	"marquee/internal/film"
)

// ArticleFact is a fact an imported article states about a film, with
// the article (file name and dossier revision) as its source. Article
// facts are proposals: they sit beside the catalog's facts and never
// replace them.
type ArticleFact struct {
	film.ArticleFact
	FilmSlug string `json:"film"`
	Source   string `json:"source"`   // the article's file name
	Revision int    `json:"revision"` // the dossier revision that proposed it
}

// putArticleFacts replaces the film's article facts with those of
// dossier revision rev.
func putArticleFacts(ctx context.Context, tx *sql.Tx, fid int64, rev int, d *film.Dossier) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_facts WHERE film_id = $1", fid); err != nil {
		return err
	}
	for i, f := range d.Facts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_facts
			(film_id, ord, kind, value, amount, currency, territory, source, revision, line, context)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			fid, i, f.Kind, f.Value, f.Amount, f.Currency, f.Territory, d.Source, rev, f.Line, f.Context); err != nil {
			return err
		}
	}
	return nil
}

const articleFactColumns = `f.slug, a.kind, a.value, a.amount, a.currency, a.territory, a.source, a.revision, a.line, a.context`

func scanArticleFacts(rows *sql.Rows) ([]ArticleFact, error) {
	defer rows.Close()
	out := []ArticleFact{}
	for rows.Next() {
		var a ArticleFact
		if err := rows.Scan(&a.FilmSlug, &a.Kind, &a.Value, &a.Amount, &a.Currency, &a.Territory,
			&a.Source, &a.Revision, &a.Line, &a.Context); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ArticleFacts returns the facts a film's dossier proposes, in the order
// the article states them; none is not an error.
func (s *Store) ArticleFacts(ctx context.Context, filmSlug string) ([]ArticleFact, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+articleFactColumns+`
		FROM article_facts a JOIN films f ON f.id = a.film_id
		WHERE f.slug = $1 ORDER BY a.ord`, filmSlug)
	if err != nil {
		return nil, s.wrap(err, "list", "article facts", filmSlug)
	}
	out, err := scanArticleFacts(rows)
	if err != nil {
		return nil, s.wrap(err, "list", "article facts", filmSlug)
	}
	return out, nil
}

// ArticleFactsOfKind returns up to limit article facts of one kind (for
// example film.FactAwardWon or film.FactFestival) across all films,
// ordered by value then film, for pages that gather awards and festivals.
func (s *Store) ArticleFactsOfKind(ctx context.Context, kind string, limit int) ([]ArticleFact, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+articleFactColumns+`
		FROM article_facts a JOIN films f ON f.id = a.film_id
		WHERE a.kind = $1 ORDER BY a.value, f.slug LIMIT $2`, kind, limit)
	if err != nil {
		return nil, s.wrap(err, "list", "article facts", kind)
	}
	out, err := scanArticleFacts(rows)
	if err != nil {
		return nil, s.wrap(err, "list", "article facts", kind)
	}
	return out, nil
}
