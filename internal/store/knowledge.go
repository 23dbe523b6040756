package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// RefreshOptions chooses what RefreshKnowledge recomputes.
type RefreshOptions struct {
	Films    []string              // film slugs; empty means every film
	Progress func(done, total int) // called now and then while answering
}

// KnowledgeResult counts what a refresh computed and wrote.
type KnowledgeResult struct {
	Films       int `json:"films"`        // films considered
	Compared    int `json:"compared"`     // films with other films by their director to compare with
	Stored      int `json:"stored"`       // films with stored knowledge (the rest have nothing beyond their own facts)
	People      int `json:"people"`       // prolific people with stored knowledge (a full refresh only)
	DerivedTags int `json:"derived_tags"` // film–theme links read from dossiers and tags
	Themes      int `json:"themes"`       // themes carried by at least one film
	Edges       int `json:"edges"`        // links between themes in the graph
}

// RefreshKnowledge recomputes, in one transaction, the themes read from
// dossiers and MovieLens tags with their strengths, the theme graph, and
// for the chosen films (all when opt.Films is empty) what their answers
// need from the whole catalog: the director's other films compared, the
// dossier's advisories and sections. Importers and edits call it for the
// films they touched, so a page only reads rows by key and writes the
// answers' words from them.
func (s *Store) RefreshKnowledge(ctx context.Context, opt RefreshOptions) (KnowledgeResult, error) {
	var res KnowledgeResult
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res = KnowledgeResult{}
		scope, err := newScope(ctx, tx, opt.Films)
		if err != nil {
			return err
		}
		dossiers, err := s.refreshThemes(ctx, tx, scope, &res)
		if err != nil {
			return fmt.Errorf("refresh themes: %w", err)
		}
		u, err := loadUniverse(ctx, tx, scope)
		if err != nil {
			return fmt.Errorf("refresh answers: %w", err)
		}
		if err := s.refreshAnswers(ctx, tx, scope, u, dossiers, opt.Progress, &res); err != nil {
			return fmt.Errorf("refresh answers: %w", err)
		}
		if err := s.refreshPeople(ctx, tx, scope, u, &res); err != nil {
			return fmt.Errorf("refresh people: %w", err)
		}
		return nil
	})
	return res, err
}

// scope is the films a refresh touches, as SQL conditions. Film ids are
// integers read from the database, so they are written into the SQL.
type scope struct {
	all bool
	ids string // "1,2,3"
}

func newScope(ctx context.Context, tx *sql.Tx, slugs []string) (scope, error) {
	if len(slugs) == 0 {
		return scope{all: true}, nil
	}
	var ids []string
	for _, slug := range slugs {
		id, err := filmID(ctx, tx, "knowledge", slug)
		if err != nil {
			return scope{}, err
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	return scope{ids: strings.Join(ids, ",")}, nil
}

// films is a condition on a film id column.
func (sc scope) films(col string) string {
	if sc.all {
		return "1 = 1"
	}
	return col + " IN (" + sc.ids + ")"
}

// universe is a condition on a film id column: the scope's films and the
// other films of their directors, which the comparison answer names.
func (sc scope) universe(col string) string {
	if sc.all {
		return "1 = 1"
	}
	return "(" + col + " IN (" + sc.ids + ") OR " + col + ` IN (SELECT c2.film_id FROM credits c2 WHERE c2.role = 'director'
		AND c2.person_id IN (SELECT c1.person_id FROM credits c1 WHERE c1.role = 'director' AND c1.film_id IN (` + sc.ids + "))))"
}

// slugDossier is a film's parsed dossier with the film's slug.
type slugDossier struct {
	slug    string
	dossier *film.Dossier
}

// refreshThemes replaces the scope's derived film–theme links, rescores
// every link of theirs, recounts the themes and rebuilds the graph. It
// returns the scope's dossiers, parsed once for the answers too.
func (s *Store) refreshThemes(ctx context.Context, tx *sql.Tx, sc scope, res *KnowledgeResult) (map[int64]slugDossier, error) {
	alias := map[string]int64{}
	vocab := map[string]bool{}
	if err := eachRow(ctx, tx, "SELECT key, theme_id FROM theme_aliases", func(r *sql.Rows) error {
		var k string
		var id int64
		if err := r.Scan(&k, &id); err != nil {
			return err
		}
		alias[k], vocab[k] = id, true
		return nil
	}); err != nil {
		return nil, err
	}
	found := map[int64]map[string]*knowledge.Found{}
	dossiers := map[int64]slugDossier{}
	if err := eachRow(ctx, tx, "SELECT d.film_id, f.slug, d.body FROM dossiers d JOIN films f ON f.id = d.film_id WHERE "+sc.films("d.film_id"), func(r *sql.Rows) error {
		var fid int64
		var slug, body string
		if err := r.Scan(&fid, &slug, &body); err != nil {
			return err
		}
		d := &film.Dossier{}
		if err := json.Unmarshal([]byte(body), d); err != nil {
			return fmt.Errorf("dossier of %q: %w", slug, err)
		}
		dossiers[fid] = slugDossier{slug: slug, dossier: d}
		found[fid] = knowledge.DossierThemes(d, vocab)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, tx, `SELECT film_id, tag, COUNT(DISTINCT user_id) FROM movielens_tags WHERE `+sc.films("film_id")+
		" GROUP BY film_id, tag", func(r *sql.Rows) error {
		var fid int64
		var tag string
		var users int
		if err := r.Scan(&fid, &tag, &users); err != nil {
			return err
		}
		k := knowledge.Key(tag)
		if k == "" || !vocab[k] && users < minTagUsers {
			return nil
		}
		m := found[fid]
		if m == nil {
			m = map[string]*knowledge.Found{}
			found[fid] = m
		}
		f := m[k]
		if f == nil {
			f = &knowledge.Found{Key: k, Name: knowledge.DisplayName(tag), Count: map[string]int{}}
			m[k] = f
		}
		f.Count[knowledge.EvTags] += users
		return nil
	}); err != nil {
		return nil, err
	}
	for _, q := range []string{
		"DELETE FROM film_themes WHERE origin = 'derived' AND " + sc.films("film_id"),
		"UPDATE film_themes SET strength = 0.9, evidence = 'catalog' WHERE " + sc.films("film_id"),
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, err
		}
	}
	for fid, m := range found {
		for _, f := range m {
			if err := s.linkTheme(ctx, tx, fid, f, alias, res); err != nil {
				return nil, err
			}
		}
	}
	if err := recountThemes(ctx, tx, 0); err != nil {
		return nil, err
	}
	return dossiers, rebuildEdges(ctx, tx, res)
}

// minTagUsers is how many MovieLens users must use a tag on a film before
// it enters the vocabulary as a new theme; a tag already in it needs one.
const minTagUsers = 3

// linkTheme writes one theme's evidence on a film: rescoring a catalog or
// editor link, or adding a derived one when strong enough.
func (s *Store) linkTheme(ctx context.Context, tx *sql.Tx, fid int64, f *knowledge.Found, alias map[string]int64, res *KnowledgeResult) error {
	tid, known := alias[f.Key]
	var have bool
	if known {
		var origin string
		err := tx.QueryRowContext(ctx, "SELECT origin FROM film_themes WHERE film_id = $1 AND theme_id = $2", fid, tid).Scan(&origin)
		switch {
		case err == nil:
			have = true
		case err != sql.ErrNoRows:
			return err
		}
	}
	count := f.Count
	if have {
		count = map[string]int{knowledge.EvCatalog: 1}
		for k, v := range f.Count {
			count[k] += v
		}
	}
	strength := knowledge.Strength(count)
	evidence := strings.Join(knowledge.EvidenceNames(count), ",")
	if have {
		_, err := tx.ExecContext(ctx, "UPDATE film_themes SET strength = $1, evidence = $2 WHERE film_id = $3 AND theme_id = $4", strength, evidence, fid, tid)
		return err
	}
	if strength < knowledge.MinStrength || f.Name == "" && !known {
		return nil
	}
	if !known {
		id, err := resolveTheme(ctx, tx, film.Theme{Name: f.Name, Kind: film.KindTheme})
		if err != nil {
			return err
		}
		tid, alias[f.Key] = id, id
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO film_themes (film_id, theme_id, strength, origin, evidence) VALUES ($1, $2, $3, 'derived', $4)`,
		fid, tid, strength, evidence)
	if err == nil {
		res.DerivedTags++
	}
	return err
}

// rebuildEdges links every two themes that share films.
func rebuildEdges(ctx context.Context, tx *sql.Tx, res *KnowledgeResult) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM theme_edges"); err != nil {
		return err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO theme_edges (a, b, shared)
		SELECT x.theme_id, y.theme_id, COUNT(*) FROM film_themes x JOIN film_themes y ON y.film_id = x.film_id AND y.theme_id > x.theme_id
		GROUP BY x.theme_id, y.theme_id`)
	if err != nil {
		return err
	}
	n, _ := r.RowsAffected()
	res.Edges = int(n)
	return tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM themes WHERE film_count > 0").Scan(&res.Themes)
}

// eachRow runs q and calls fn for every row.
func eachRow(ctx context.Context, q querier, query string, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
