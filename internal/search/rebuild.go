package search

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"marquee/internal/store"
)

// migrationName is the migration that defines the SQLite search keys, the
// bulk refill and the triggers that keep the index in step; the bulk
// statements below are taken from it, so they are written once.
const migrationName = "0004_search_keys.sql"

// pgMigrationName holds PostgreSQL's search indexes.
const pgMigrationName = "0003_search.sql"

var (
	triggerRE = regexp.MustCompile(`(?s)CREATE TRIGGER (search_\w+) .*?\nEND;`)
	refillRE  = regexp.MustCompile(`(?s)(INSERT INTO search_fts \(rowid, name, alt, body, tag\)\nSELECT \* FROM \(.*?\) ORDER BY 1);`)
	indexRE   = regexp.MustCompile(`CREATE INDEX (\w+) ON [^\n]*;`)
)

// migrationStatements returns the statements of an engine's migration
// name that re matches, and their first submatches (the names they create).
func migrationStatements(engine, name string, re *regexp.Regexp) (stmts, names []string, err error) {
	ms, err := store.Migrations(engine)
	if err != nil {
		return nil, nil, err
	}
	for _, m := range ms {
		if m.Name == name {
			for _, sm := range re.FindAllStringSubmatch(m.SQL, -1) {
				stmts, names = append(stmts, sm[0]), append(names, sm[1])
			}
			if len(stmts) == 0 {
				return nil, nil, fmt.Errorf("search: migration %s holds no statement matching %s", name, re)
			}
			return stmts, names, nil
		}
	}
	return nil, nil, fmt.Errorf("search: migration %s not found", name)
}

// FTS5 settings for a bulk build: a 32 MiB in-memory hash before each
// flush to disk (the default, 1 MiB, writes hundreds of small segments
// that must then be merged), and back to the default afterwards, since
// the setting is stored with the table.
const (
	bulkHashSize    = `INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432)`
	defaultHashSize = `INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576)`
	optimize        = `INSERT INTO search_fts (search_fts) VALUES ('optimize')`
)

// PrepareSQL returns the statements that suspend per-row search index
// maintenance before a bulk load; RebuildSQL must follow in
// the same transaction. On SQLite they drop the search triggers; on
// PostgreSQL the search indexes of migration 0003 (searches still answer,
// by scanning, until they are rebuilt).
func PrepareSQL(engine string) ([]string, error) {
	if engine == "postgres" {
		_, names, err := migrationStatements(engine, pgMigrationName, indexRE)
		return prefixed("DROP INDEX IF EXISTS ", names), err
	}
	_, names, err := migrationStatements(engine, migrationName, triggerRE)
	return prefixed("DROP TRIGGER IF EXISTS ", names), err
}

// RebuildSQL returns the statements that rebuild every search index from
// the tables, in bulk, and resume per-row maintenance. On SQLite the FTS5
// index is emptied and refilled in key order (its fastest insertion
// order), merged into one segment, and the triggers are recreated. On
// PostgreSQL the search indexes are created (those present are kept).
func RebuildSQL(engine string) ([]string, error) {
	if engine == "postgres" {
		stmts, _, err := migrationStatements(engine, pgMigrationName, indexRE)
		for i, s := range stmts {
			stmts[i] = strings.Replace(s, "CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
		}
		return stmts, err
	}
	_, refill, err := migrationStatements(engine, migrationName, refillRE)
	if err != nil {
		return nil, err
	}
	triggers, names, err := migrationStatements(engine, migrationName, triggerRE)
	if err != nil {
		return nil, err
	}
	// The triggers are dropped first (if PrepareSQL has not), so that the
	// refill does not fire them.
	steps := prefixed("DROP TRIGGER IF EXISTS ", names)
	steps = append(steps, `INSERT INTO search_fts (search_fts) VALUES ('delete-all')`, bulkHashSize, refill[0], optimize, defaultHashSize)
	return append(steps, triggers...), nil
}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// PrepareBulk runs PrepareSQL on st in a transaction of its own; Rebuild
// must follow. For loaders that write through the store (migrate-store);
// the catalog importers run the statements in their own transaction.
func PrepareBulk(ctx context.Context, st *store.Store) error {
	stmts, err := PrepareSQL(st.Engine())
	if err != nil {
		return err
	}
	return run(ctx, st, stmts, "suspend index maintenance")
}

// Rebuild runs RebuildSQL on st, in one transaction on SQLite.
func Rebuild(ctx context.Context, st *store.Store) error {
	stmts, err := RebuildSQL(st.Engine())
	if err != nil {
		return err
	}
	return run(ctx, st, stmts, "rebuild index")
}

func run(ctx context.Context, st *store.Store, stmts []string, what string) error {
	if st.Engine() == "postgres" {
		// CREATE INDEX on PostgreSQL runs outside a transaction block
		// just as well, and holds fewer locks for less time.
		for _, s := range stmts {
			if _, err := st.WriteDB().ExecContext(ctx, s); err != nil {
				return fmt.Errorf("search: %s: %w", what, err)
			}
		}
		return nil
	}
	err := st.Transact(ctx, func(tx *sql.Tx) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: %s: %w", what, err)
	}
	return nil
}
