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

// The PostgreSQL side of bulkConn: one connection from the store's pool;
// rows an inserter buffers go in binary COPY batches straight into the
// real table while that succeeds (a fresh import has nothing to conflict
// with), each batch under a savepoint. The first batch that fails — a
// row already there, a duplicate key — is rolled back and it and every
// later batch of that inserter go to a temporary staging table instead,
// which close moves into the real table with one INSERT … SELECT carrying
// the inserter's ON CONFLICT clause. Rows thus meet the table in the
// order they were added, as on SQLite. The
// loaders' other statements run as they are, their "?" placeholders
// numbered for PostgreSQL (see pgSQL).

// pgCopyBatch is how many rows one COPY carries into a staging table.
const pgCopyBatch = 20000

// openBulkPostgres takes a connection for the import. Like the SQLite
// path, which turns foreign keys off because the loaders only write
// references they have resolved, it asks the session to skip the
// foreign-key triggers (session_replication_role = replica) when the role
// may; otherwise every row is checked.
func openBulkPostgres(st *store.Store) (*bulkConn, error) {
	pc, err := st.Pool().Acquire(context.Background())
	if err != nil {
		return nil, fmt.Errorf("open %s for import: %w", st.DSN(), err)
	}
	b := &bulkConn{pg: pc.Conn(), release: pc.Release, jobs: make(chan job, 256), quit: make(chan struct{})}
	go b.work()
	_, _ = b.pg.Exec(context.Background(), "SET session_replication_role = replica")
	_, _ = b.pg.Exec(context.Background(), "SET maintenance_work_mem = '256MB'")
	return b, nil
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

func (b *bulkConn) pgExec(query string, args []driver.Value) error {
	_, err := b.pg.Exec(context.Background(), pgSQL(query), anyArgs(args)...)
	return err
}

func (b *bulkConn) pgQueryRows(query string, fn func(vals []driver.Value) error, args []driver.Value) error {
	rows, err := b.pg.Query(context.Background(), pgSQL(query), anyArgs(args)...)
	if err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
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

// pgStage is an inserter's staging table on PostgreSQL.
type pgStage struct {
	table, stage string
	cols         []string
	tail         string
	rows         [][]any
	staged       bool // a batch went to the stage; all later ones do too
}

var stageSeq int

// pgInserter parses "INSERT INTO table (cols…)" and creates the staging
// table, with the real table's column types and no constraints.
func (b *bulkConn) pgInserter(head, tail string) (*pgStage, error) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(head), "INSERT INTO ")
	open, close := strings.IndexByte(rest, '('), strings.LastIndexByte(rest, ')')
	if !ok || open < 0 || close < open {
		return nil, fmt.Errorf("bulk insert: cannot read %q", firstLine(head))
	}
	s := &pgStage{table: strings.TrimSpace(rest[:open]), tail: strings.TrimSpace(tail)}
	for _, c := range strings.Split(rest[open+1:close], ",") {
		s.cols = append(s.cols, strings.TrimSpace(c))
	}
	stageSeq++
	s.stage = fmt.Sprintf("stage_%s_%d", s.table, stageSeq)
	q := fmt.Sprintf("CREATE TEMP TABLE %s AS SELECT %s FROM %s WITH NO DATA", s.stage, strings.Join(s.cols, ", "), s.table)
	if _, err := b.pg.Exec(context.Background(), q); err != nil {
		return nil, fmt.Errorf("stage %s: %w", s.table, err)
	}
	return s, nil
}

// pgCopy queues a COPY of rows: into the real table under a savepoint
// until one fails, into the staging table from then on.
func (b *bulkConn) pgCopy(s *pgStage, rows [][]any) error {
	return b.async(func() error {
		ctx := context.Background()
		if !s.staged {
			if _, err := b.pg.Exec(ctx, "SAVEPOINT bulk_copy"); err == nil {
				_, err := b.pg.CopyFrom(ctx, pgx.Identifier{s.table}, s.cols, pgx.CopyFromRows(rows))
				if err == nil {
					_, err = b.pg.Exec(ctx, "RELEASE SAVEPOINT bulk_copy")
					return err
				}
				if _, err := b.pg.Exec(ctx, "ROLLBACK TO SAVEPOINT bulk_copy"); err != nil {
					return err
				}
			}
			s.staged = true
		}
		_, err := b.pg.CopyFrom(ctx, pgx.Identifier{s.stage}, s.cols, pgx.CopyFromRows(rows))
		if err != nil {
			return fmt.Errorf("copy into %s: %w", s.table, err)
		}
		return nil
	})
}

// pgMove moves the staged rows into the real table and drops the stage.
// An upsert keeps one row per conflict key (the last staged) because ON
// CONFLICT DO UPDATE may not touch a row twice in one statement; ids
// given explicitly move the identity sequence past them.
func (b *bulkConn) pgMove(s *pgStage) error {
	cols := strings.Join(s.cols, ", ")
	sel := "SELECT " + cols + " FROM " + s.stage
	if keys, ok := conflictKeys(s.tail); ok && strings.Contains(s.tail, "DO UPDATE") {
		sel = "SELECT DISTINCT ON (" + keys + ") " + cols + " FROM " + s.stage + " ORDER BY " + keys + ", ctid DESC"
	}
	ctx := context.Background()
	if s.staged {
		if _, err := b.pg.Exec(ctx, "INSERT INTO "+s.table+" ("+cols+") "+sel+" "+s.tail); err != nil {
			return fmt.Errorf("move staged %s: %w", s.table, err)
		}
	}
	if _, err := b.pg.Exec(ctx, "DROP TABLE "+s.stage); err != nil {
		return err
	}
	for _, c := range s.cols {
		if c == "id" {
			q := "SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + s.table
			if _, err := b.pg.Exec(ctx, q, s.table); err != nil {
				return fmt.Errorf("move identity of %s: %w", s.table, err)
			}
		}
	}
	return nil
}

// conflictKeys returns the column list of "ON CONFLICT (a, b) …".
func conflictKeys(tail string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(tail), "ON CONFLICT (")
	if !ok {
		return "", false
	}
	keys, _, ok := strings.Cut(rest, ")")
	return keys, ok
}

// pgDropIndexes lists the secondary indexes of tables (not those behind
// primary keys or constraints) and drops those not kept.
func (b *bulkConn) pgDropIndexes(tables []string, keep map[string]bool) ([]savedIndex, error) {
	rows, err := b.pg.Query(context.Background(), `SELECT i.indexname, i.indexdef FROM pg_indexes i
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
		if !keep[ix.name] {
			saved = append(saved, ix)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, ix := range saved {
		if _, err := b.pg.Exec(context.Background(), `DROP INDEX "`+ix.name+`"`); err != nil {
			return nil, err
		}
	}
	return saved, nil
}
