package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"marquee/internal/film"
)

// AwardsResult counts what PutAwards wrote.
type AwardsResult struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`   // rewritten by the source that wrote them
	Confirmed int `json:"confirmed"` // already recorded with the same outcome by another source: left as they were
	Disputed  int `json:"disputed"`  // recorded with another outcome by another source: kept, this source's outcome beside it
}

// PutAwards adds or updates awards in one transaction: all land or none.
// An award is keyed by ceremony, year, category, film and person; the
// source that wrote it may write it again (updating its outcome). Another
// source — an article's proposal beside an import's record — never
// replaces it: the same outcome confirms it, another outcome is kept as
// that source's claim (film.AwardClaimField) so that pages show both.
// Every film and person named must exist (film.ErrMissingRef otherwise,
// naming the award's index).
func (s *Store) PutAwards(ctx context.Context, as []film.Award) (AwardsResult, error) {
	var res AwardsResult
	for i, a := range as {
		if err := a.Validate(); err != nil {
			return res, fmt.Errorf("award %d: %w", i+1, err)
		}
	}
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res = AwardsResult{}
		for i, a := range as {
			what, err := putAward(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("award %d: %w", i+1, s.wrap(err, "put", "award", a.Ceremony+"/"+a.Category))
			}
			switch what {
			case awardAdded:
				res.Added++
			case awardUpdated:
				res.Updated++
			case awardConfirmed:
				res.Confirmed++
			default:
				res.Disputed++
			}
		}
		return nil
	})
	return res, err
}

// What putAward did with an award.
const (
	awardAdded = iota
	awardUpdated
	awardConfirmed
	awardDisputed
)

func putAward(ctx context.Context, tx *sql.Tx, a film.Award) (what int, err error) {
	var fid, pid sql.NullInt64
	if a.FilmSlug != "" {
		id, err := filmID(ctx, tx, "award", a.FilmSlug)
		if err != nil {
			return 0, err
		}
		fid = sql.NullInt64{Int64: id, Valid: true}
	}
	if a.PersonSlug != "" {
		id, err := personID(ctx, tx, "award", a.PersonSlug)
		if err != nil {
			return 0, err
		}
		pid = sql.NullInt64{Int64: id, Valid: true}
	}
	src := a.Source
	if src == "" {
		src = string(film.SourceImport)
	}
	var id int64
	var had, hadSrc, hadRef string
	err = tx.QueryRowContext(ctx, `SELECT id, outcome, source, source_ref FROM awards WHERE ceremony = $1 AND year = $2 AND category = $3
		AND COALESCE(film_id, 0) = $4 AND COALESCE(person_id, 0) = $5`,
		a.Ceremony, a.Year, a.Category, fid.Int64, pid.Int64).Scan(&id, &had, &hadSrc, &hadRef)
	switch {
	case err == sql.ErrNoRows:
		_, err = tx.ExecContext(ctx, `INSERT INTO awards (ceremony, year, category, outcome, film_id, person_id, source, source_ref)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, a.Ceremony, a.Year, a.Category, string(a.Outcome), fid, pid, src, a.SourceRef)
		return awardAdded, err
	case err != nil:
		return 0, err
	case src == hadSrc:
		_, err = tx.ExecContext(ctx, "UPDATE awards SET outcome = $1, source_ref = $2 WHERE id = $3", string(a.Outcome), a.SourceRef, id)
		return awardUpdated, err
	case strings.HasPrefix(hadSrc, "article:") && !strings.HasPrefix(src, "article:"):
		// An article only proposes: a catalog source (the awards import, an
		// editor) takes the record; when it disagrees, the article's word
		// stays beside it as a claim, so both are shown.
		if _, err := tx.ExecContext(ctx, "UPDATE awards SET outcome = $1, source = $2, source_ref = $3 WHERE id = $4",
			string(a.Outcome), src, a.SourceRef, id); err != nil {
			return 0, err
		}
		if had == string(a.Outcome) {
			return awardConfirmed, nil
		}
		if !fid.Valid {
			return awardDisputed, nil
		}
		return awardDisputed, putAwardClaim(ctx, tx, fid.Int64, a, had, hadSrc, hadRef)
	case had == string(a.Outcome):
		return awardConfirmed, nil
	case !fid.Valid:
		return 0, fmt.Errorf("%w: %s says %s, %s said %s, and an award without a film cannot hold both",
			film.ErrConflict, src, a.Outcome, hadSrc, had)
	}
	return awardDisputed, putAwardClaim(ctx, tx, fid.Int64, a, string(a.Outcome), src, a.SourceRef)
}

// putAwardClaim records that source (with its ref) gives award a the
// outcome outcome, beside the award's record.
func putAwardClaim(ctx context.Context, tx *sql.Tx, fid int64, a film.Award, outcome, source, ref string) error {
	if slug, ok := strings.CutPrefix(source, "article:"); ok {
		source, ref = string(film.SourceArticle), slug
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO fact_claims (film_id, field, value, source, source_ref) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (film_id, field, source, source_ref) DO UPDATE SET value = excluded.value`,
		fid, film.AwardClaimField(a), outcome, source, ref)
	return err
}

const awardCols = `a.ceremony, a.year, a.category, a.outcome, a.source, a.source_ref,
	COALESCE(f.slug, ''), COALESCE(f.title, ''), COALESCE(f.year, 0), COALESCE(p.slug, ''), COALESCE(p.name, '')
	FROM awards a LEFT JOIN films f ON f.id = a.film_id LEFT JOIN people p ON p.id = a.person_id`

// FilmAwards returns the awards a film or anyone for it was nominated
// for, wins first, then by year.
func (s *Store) FilmAwards(ctx context.Context, filmSlug string) ([]film.Award, error) {
	out, err := s.awards(ctx, "SELECT "+awardCols+` WHERE f.slug = $1
		ORDER BY CASE a.outcome WHEN 'won' THEN 0 ELSE 1 END, a.year, a.ceremony, a.category`, filmSlug)
	if err != nil {
		return nil, fmt.Errorf("awards of film %q: %w", filmSlug, err)
	}
	return out, nil
}

// PersonAwards returns a person's nominations and wins, wins first.
func (s *Store) PersonAwards(ctx context.Context, personSlug string) ([]film.Award, error) {
	out, err := s.awards(ctx, "SELECT "+awardCols+` WHERE p.slug = $1
		ORDER BY CASE a.outcome WHEN 'won' THEN 0 ELSE 1 END, a.year, a.ceremony, a.category`, personSlug)
	if err != nil {
		return nil, fmt.Errorf("awards of person %q: %w", personSlug, err)
	}
	return out, nil
}

func (s *Store) awards(ctx context.Context, q string, args ...any) ([]film.Award, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []film.Award
	for rows.Next() {
		var (
			a       film.Award
			outcome string
		)
		if err := rows.Scan(&a.Ceremony, &a.Year, &a.Category, &outcome, &a.Source, &a.SourceRef,
			&a.FilmSlug, &a.FilmTitle, &a.FilmYear, &a.PersonSlug, &a.PersonName); err != nil {
			return nil, err
		}
		a.Outcome = film.Outcome(outcome)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AwardCategories returns each award category with the number of films
// that won it, most first, for browsing ("Palme d'Or winners").
func (s *Store) AwardCategories(ctx context.Context) ([]Count, error) {
	out, err := s.counts(ctx, `SELECT category, COUNT(DISTINCT film_id) FROM awards
		WHERE outcome = 'won' AND film_id IS NOT NULL GROUP BY category ORDER BY COUNT(DISTINCT film_id) DESC, category`)
	if err != nil {
		return nil, fmt.Errorf("award categories: %w", err)
	}
	return out, nil
}

// PersonSlugByIMDb returns the slug of the person with an IMDb name id
// (nm…), or film.ErrNotFound.
func (s *Store) PersonSlugByIMDb(ctx context.Context, id string) (string, error) {
	var slug string
	err := s.read.QueryRowContext(ctx, "SELECT slug FROM people WHERE imdb_id = $1", id).Scan(&slug)
	if err != nil {
		return "", s.wrap(notFound(err, "person", id), "get", "person", id)
	}
	return slug, nil
}
