package search

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"marquee/internal/store"
)

// migrationName is the migration that creates the SQLite search tables
// and the triggers that keep them in step; Rebuild recreates the triggers
// from it, so they are written once.
const migrationName = "0003_search.sql"

var triggerRE = regexp.MustCompile(`(?s)CREATE TRIGGER (search_\w+) .*?\nEND;`)

// searchTriggers returns the CREATE TRIGGER statements of the search
// migration of an engine.
func searchTriggers(engine string) ([]string, error) {
	ms, err := store.Migrations(engine)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if m.Name == migrationName {
			return triggerRE.FindAllString(m.SQL, -1), nil
		}
	}
	return nil, fmt.Errorf("search: migration %s not found", migrationName)
}

func dropTriggers(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+n); err != nil {
			return err
		}
	}
	return nil
}

// PrepareBulk suspends per-row search index maintenance before a bulk
// load into st; Rebuild must follow. Importers call it once per import.
// On SQLite it drops the search triggers (the index is stale until
// Rebuild); on PostgreSQL the indexes are expressions the database keeps
// itself, and there is nothing to suspend.
func PrepareBulk(ctx context.Context, st *store.Store) error {
	if st.Engine() != "sqlite" {
		return nil
	}
	return st.Transact(ctx, func(tx *sql.Tx) error {
		if err := dropTriggers(ctx, tx); err != nil {
			return fmt.Errorf("search: suspend index maintenance: %w", err)
		}
		return nil
	})
}

// rebuildSteps refill search_docs, most popular first, and then the FTS5
// index in rowid order, which is its fastest insertion order.
var rebuildSteps = []string{
	`DELETE FROM search_docs`,
	`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`,
	`INSERT INTO search_docs (kind, ref, ord, slug, name, alt, year, pop, film_id)
	SELECT kind, ref, ord, slug, name, alt, year, pop, film_id FROM (
		SELECT 1 AS kind, f.id AS ref, 0 AS ord, f.slug, f.title AS name,
			trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')) AS alt,
			f.year, f.rating_votes AS pop, f.id AS film_id
		FROM films f
		UNION ALL
		SELECT 2, p.id, 0, p.slug, p.name, '', 0, p.credit_count * 200, NULL FROM people p
		UNION ALL
		SELECT 3, c.id, 0, c.slug, c.name, '', f.year, f.rating_votes / 4, f.id FROM characters c JOIN films f ON f.id = c.film_id
		UNION ALL
		SELECT 4, t.id, 0, t.slug, t.name, '', 0, 1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), NULL FROM themes t
		UNION ALL
		SELECT 5, s.film_id, s.ord, s.kind, s.heading, '', f.year, f.rating_votes / 2, f.id FROM dossier_sections s JOIN films f ON f.id = s.film_id
	) ORDER BY pop DESC, kind, ref, ord`,
	`INSERT INTO search_fts (rowid, name, alt, body)
	SELECT d.id, CASE WHEN d.kind = 5 THEN '' ELSE d.name END, CASE WHEN d.kind = 5 THEN d.name ELSE d.alt END,
		CASE WHEN d.kind = 5 THEN COALESCE((SELECT s.text FROM dossier_sections s WHERE s.film_id = d.ref AND s.ord = d.ord), '') ELSE '' END
	FROM search_docs d ORDER BY d.id`,
	`INSERT INTO search_fts (search_fts) VALUES ('optimize')`,
}

// Rebuild rebuilds every search index from the tables, in bulk, and
// resumes per-row maintenance. Importers call it once, after loading.
// On SQLite it runs in one transaction: documents are renumbered most
// popular first, the FTS5 index is refilled and merged, and the
// triggers are recreated.
func Rebuild(ctx context.Context, st *store.Store) error {
	if st.Engine() != "sqlite" {
		return nil
	}
	triggers, err := searchTriggers(st.Engine())
	if err != nil {
		return err
	}
	err = st.Transact(ctx, func(tx *sql.Tx) error {
		if err := dropTriggers(ctx, tx); err != nil {
			return err
		}
		for _, s := range rebuildSteps {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("%s: %w", strings.Fields(s)[0]+" "+strings.Fields(s)[2], err)
			}
		}
		for _, t := range triggers {
			if _, err := tx.ExecContext(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: rebuild index: %w", err)
	}
	return nil
}
