package catalog

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"marquee/internal/store"
)

// pgBulk is the PostgreSQL side of a bulk import: one connection from the
// store's pool. Rows go in binary COPY batches straight into the real
// table while that succeeds (a fresh import has nothing to conflict
// with), each batch under a savepoint. The first batch that fails — a
// row already there, a duplicate key — is rolled back and it and every
// later batch of that writer go to a temporary staging table instead,
// which finish moves into the real table with one INSERT … SELECT
// carrying the spec's ON CONFLICT clause. Rows thus meet the table in
// the order they were added, as on SQLite. The loaders' other statements
// run as they are, their "?" placeholders numbered (see pgSQL).
type pgBulk struct {
	c       *pgx.Conn
	release func() // returns c to the store's pool
	stages  int    // staging tables made, for unique names
}

// pgCopyBatch is how many rows one COPY carries.
const pgCopyBatch = 20000

// openPostgresBulk takes a connection for the import. Like the SQLite
// side, which turns foreign keys off because the loaders only write
// references they have resolved, it asks the session to skip the
// foreign-key triggers (session_replication_role = replica) when the role
// may; otherwise every row is checked.
func openPostgresBulk(ctx context.Context, st *store.Store) (*pgBulk, error) {
	pc, err := st.Pool().Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("open %s for import: %w", st.DSN(), err)
	}
	e := &pgBulk{c: pc.Conn(), release: pc.Release}
	_, _ = e.c.Exec(ctx, "SET session_replication_role = replica")
	_, _ = e.c.Exec(ctx, "SET maintenance_work_mem = '256MB'")
	return e, nil
}

func (e *pgBulk) close() error {
	e.release()
	return nil
}

// pgSQL numbers the "?" placeholders of a loader's statement ($1, $2 …),
// skipping quoted text. The loaders' SQL is written for SQLite's driver,
// which takes "?"; this is the one place that bridges it.
func pgSQL(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var (
		out   strings.Builder
		n     int
		quote byte
	)
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			out.WriteString("$" + strconv.Itoa(n))
			continue
		}
		out.WriteByte(c)
	}
	return out.String()
}

// anyArgs passes a loader's values to pgx. Booleans become 0 and 1: the
// loaders write flags as SQLite stores them, and the PostgreSQL schema
// mirrors that with BIGINT columns.
func anyArgs(vals []driver.Value) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		if b, ok := v.(bool); ok {
			v = int64(0)
			if b {
				v = int64(1)
			}
		}
		out[i] = v
	}
	return out
}

func (e *pgBulk) exec(ctx context.Context, query string, args []driver.Value) error {
	_, err := e.c.Exec(ctx, pgSQL(query), anyArgs(args)...)
	return err
}

func (e *pgBulk) execN(ctx context.Context, query string, args []driver.Value) (int64, error) {
	tag, err := e.c.Exec(ctx, pgSQL(query), anyArgs(args)...)
	return tag.RowsAffected(), err
}

func (e *pgBulk) query(ctx context.Context, query string, args []driver.Value, fn func(vals []driver.Value) error) error {
	rows, err := e.c.Query(ctx, pgSQL(query), anyArgs(args)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]driver.Value, len(rows.FieldDescriptions()))
	for rows.Next() {
		raw, err := rows.Values()
		if err != nil {
			return err
		}
		for i, v := range raw {
			switch x := v.(type) {
			case int32:
				v = int64(x)
			case int16:
				v = int64(x)
			}
			vals[i] = v
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (e *pgBulk) begin(ctx context.Context) error { return e.exec(ctx, "BEGIN", nil) }

func (e *pgBulk) sorting(context.Context, bool) error { return nil }

// analyze names the tables of the import's own schema (or the import's
// own tables, when given): a bare ANALYZE visits every table of the
// database, other schemas included, and can deadlock with sessions
// dropping them. PostgreSQL samples a bounded number of rows a table.
func (e *pgBulk) analyze(ctx context.Context, only []string) error {
	if only != nil {
		if len(only) == 0 {
			return nil
		}
		return e.exec(ctx, "ANALYZE "+strings.Join(only, ", "), nil)
	}
	var tables []string
	err := e.query(ctx, `SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`, nil,
		func(v []driver.Value) error {
			if t, ok := v[0].(string); ok {
				tables = append(tables, t)
			}
			return nil
		})
	if err != nil || len(tables) == 0 {
		return err
	}
	return e.exec(ctx, "ANALYZE "+strings.Join(tables, ", "), nil)
}

// statRows is the row count the planner holds for table (pg_class's
// reltuples), if it was ever counted. Building an index recounts it
// without refreshing the column statistics: it is read before the load.
func (e *pgBulk) statRows(ctx context.Context, table string) (rows int64, ok bool, err error) {
	err = e.query(ctx, "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)", []driver.Value{table}, func(v []driver.Value) error {
		if n, isInt := v[0].(int64); isInt && n >= 0 {
			rows, ok = n, true
		}
		return nil
	})
	return rows, ok, err
}

// rebuilt: PostgreSQL keeps what it knows of a table apart from its
// indexes.
func (e *pgBulk) rebuilt(context.Context, savedIndex) error { return nil }

// countRows counts table's rows.
func (e *pgBulk) countRows(ctx context.Context, table string) (n int64, err error) {
	err = e.query(ctx, "SELECT COUNT(*) FROM "+table, nil, func(v []driver.Value) error { n, _ = v[0].(int64); return nil })
	return n, err
}

// dropIndexes leaves out the indexes behind primary keys and constraints.
func (e *pgBulk) dropIndexes(ctx context.Context, tables []string, keep func(name string) bool) ([]savedIndex, error) {
	rows, err := e.c.Query(ctx, `SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1`, tables)
	if err != nil {
		return nil, err
	}
	var saved []savedIndex
	for rows.Next() {
		var ix savedIndex
		if err := rows.Scan(&ix.name, &ix.sql); err != nil {
			rows.Close()
			return nil, err
		}
		if !keep(ix.name) {
			saved = append(saved, ix)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, ix := range saved {
		if _, err := e.c.Exec(ctx, `DROP INDEX "`+ix.name+`"`); err != nil {
			return nil, err
		}
	}
	return saved, nil
}

// pgRows is a writer's COPY batches and its staging table, with the real
// table's column types and no constraints.
type pgRows struct {
	e      *pgBulk
	spec   insertSpec
	cols   []string
	stage  string
	rows   [][]any
	staged bool // a batch went to the stage; all later ones do too
	c      writeCounts
}

func (r *pgRows) counts() writeCounts { return r.c }

func (e *pgBulk) rows(ctx context.Context, spec insertSpec) (rowWriter, error) {
	e.stages++
	r := &pgRows{e: e, spec: spec, cols: spec.columns(), stage: fmt.Sprintf("stage_%s_%d", spec.table, e.stages)}
	q := fmt.Sprintf("CREATE TEMP TABLE %s AS SELECT %s FROM %s WITH NO DATA", r.stage, spec.cols, spec.table)
	if _, err := e.c.Exec(ctx, q); err != nil {
		return nil, fmt.Errorf("stage %s: %w", spec.table, err)
	}
	return r, nil
}

func (r *pgRows) add(vals []driver.Value) func(context.Context) error {
	r.rows = append(r.rows, anyArgs(vals))
	if len(r.rows) < pgCopyBatch {
		return nil
	}
	return r.flush()
}

func (r *pgRows) flush() func(context.Context) error {
	if len(r.rows) == 0 {
		return nil
	}
	batch := r.rows
	r.rows = make([][]any, 0, pgCopyBatch)
	return func(ctx context.Context) error { return r.copy(ctx, batch) }
}

// copy writes rows into the real table under a savepoint until one batch
// fails, into the staging table from then on.
func (r *pgRows) copy(ctx context.Context, rows [][]any) error {
	c := r.e.c
	if !r.staged {
		if _, err := c.Exec(ctx, "SAVEPOINT bulk_copy"); err == nil {
			_, err := c.CopyFrom(ctx, pgx.Identifier{r.spec.table}, r.cols, pgx.CopyFromRows(rows))
			if err == nil {
				r.c.inserted += int64(len(rows))
				_, err = c.Exec(ctx, "RELEASE SAVEPOINT bulk_copy")
				return err
			}
			if _, err := c.Exec(ctx, "ROLLBACK TO SAVEPOINT bulk_copy"); err != nil {
				return err
			}
		}
		r.staged = true
	}
	if _, err := c.CopyFrom(ctx, pgx.Identifier{r.stage}, r.cols, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("copy into %s: %w", r.spec.table, err)
	}
	return nil
}

// finish moves the staged rows into the real table and drops the stage.
// An upsert keeps one row per conflict key (the last staged) because ON
// CONFLICT DO UPDATE may not touch a row twice in one statement; ids
// given explicitly move the identity sequence past them.
func (r *pgRows) finish(ctx context.Context, ok bool) error {
	c, table := r.e.c, r.spec.table
	if !ok {
		return nil // the import's transaction rolls back, stage and all
	}
	if r.staged {
		if err := r.moveStaged(ctx); err != nil {
			return fmt.Errorf("move staged %s: %w", table, err)
		}
	}
	if _, err := c.Exec(ctx, "DROP TABLE "+r.stage); err != nil {
		return err
	}
	for _, col := range r.cols {
		if col == "id" {
			q := "SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + table
			if _, err := c.Exec(ctx, q, table); err != nil {
				return fmt.Errorf("move identity of %s: %w", table, err)
			}
		}
	}
	return nil
}

// moveStaged moves the stage into the table. A counted spec's upsert
// only updates a row whose update columns differ, and counts what it
// added and changed (xmax is 0 on a row version the statement inserted).
func (r *pgRows) moveStaged(ctx context.Context) error {
	spec := r.spec
	sel := "SELECT " + spec.cols + " FROM " + r.stage
	if spec.conflict != "" && (strings.HasPrefix(spec.action, "DO UPDATE") || len(spec.update) > 0) {
		sel = "SELECT DISTINCT ON (" + spec.conflict + ") " + spec.cols + " FROM " + r.stage + " ORDER BY " + spec.conflict + ", ctid DESC"
	}
	ins := "INSERT INTO " + spec.table + " (" + spec.cols + ") " + sel + " "
	if !spec.counted {
		_, err := r.e.c.Exec(ctx, ins+spec.onConflict())
		return err
	}
	action := "DO NOTHING"
	if len(spec.update) > 0 {
		action = spec.action + " WHERE (" + qualified(spec.table+".", spec.update) + ") IS DISTINCT FROM (" +
			qualified("excluded.", spec.update) + ")"
	}
	q := "WITH w AS (" + ins + "ON CONFLICT (" + spec.conflict + ") " + action + " RETURNING (xmax = 0) AS added) " +
		"SELECT COUNT(*) FILTER (WHERE added), COUNT(*) FILTER (WHERE NOT added) FROM w"
	var added, changed int64
	if err := r.e.c.QueryRow(ctx, q).Scan(&added, &changed); err != nil {
		return err
	}
	r.c.inserted += added
	r.c.updated += changed
	return nil
}
