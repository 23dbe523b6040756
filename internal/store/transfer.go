package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// TableReport is what Transfer did to one table.
type TableReport struct {
	Table  string   `json:"table"`
	Copied int64    `json:"copied"`
	Source Checksum `json:"source"`
	Target Checksum `json:"target"`
	OK     bool     `json:"ok"`
}

// transferBatch is how many rows a SQLite target commits at a time.
const transferBatch = 20000

// Transfer copies every table of src into dst, which must hold no rows,
// in dependency order and keeping ids. A PostgreSQL target is filled with
// COPY and its identity sequences are moved past the copied ids. Each
// table is then verified by row count and checksum; report (if not nil)
// is called as each table finishes. Tables present on only one side are
// skipped, and so are columns; generated search columns and SQLite search
// indexes are rebuilt by their owners, not copied.
func Transfer(ctx context.Context, src, dst *Store, report func(TableReport)) ([]TableReport, error) {
	srcTables, err := src.Tables(ctx)
	if err != nil {
		return nil, err
	}
	dstTables, err := dst.Tables(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]Table{}
	for _, t := range dstTables {
		if t.Name == "cache_generations" {
			continue // the page cache's stamp: each database keeps its own
		}
		byName[t.Name] = t
		var n int64
		if err := dst.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(t.Name)).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s in target: %w", t.Name, err)
		}
		if n > 0 {
			return nil, fmt.Errorf("target %s is not empty (table %s has %d rows); migrate into a new database", dst.DSN(), t.Name, n)
		}
	}
	var out []TableReport
	for _, st := range srcTables {
		dt, ok := byName[st.Name]
		if !ok {
			continue
		}
		cols := sharedColumns(st, dt)
		n, err := copyTable(ctx, src, dst, dt.Name, cols)
		if err != nil {
			return out, fmt.Errorf("copy %s: %w", st.Name, err)
		}
		r := TableReport{Table: st.Name, Copied: n}
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name
		}
		if r.Source, err = src.TableChecksum(ctx, st.Name, names); err != nil {
			return out, err
		}
		if r.Target, err = dst.TableChecksum(ctx, st.Name, names); err != nil {
			return out, err
		}
		r.OK = r.Source == r.Target && r.Copied == r.Source.Rows
		out = append(out, r)
		if report != nil {
			report(r)
		}
	}
	if err := dst.resetIdentities(ctx, dstTables); err != nil {
		return out, err
	}
	for _, r := range out {
		if !r.OK {
			return out, fmt.Errorf("table %s differs after copy: %d rows %s in source, %d rows %s in target",
				r.Table, r.Source.Rows, r.Source.Digest, r.Target.Rows, r.Target.Digest)
		}
	}
	return out, nil
}

// sharedColumns returns the target's columns that the source also has.
func sharedColumns(src, dst Table) []Column {
	have := map[string]bool{}
	for _, c := range src.Columns {
		have[c.Name] = true
	}
	var out []Column
	for _, c := range dst.Columns {
		if have[c.Name] {
			out = append(out, c)
		}
	}
	return out
}

// copyTable streams cols of table from src into dst.
func copyTable(ctx context.Context, src, dst *Store, table string, cols []Column) (int64, error) {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	rows, err := src.read.QueryContext(ctx, "SELECT "+quoteColumns(names)+" FROM "+quoteIdent(table))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	source := &rowSource{rows: rows, cols: cols, vals: make([]any, len(cols)), ptrs: make([]any, len(cols))}
	for i := range source.vals {
		source.ptrs[i] = &source.vals[i]
	}
	if dst.pg != nil {
		return dst.pg.CopyFrom(ctx, pgx.Identifier{table}, names, source)
	}
	return dst.insertAll(ctx, table, names, source)
}

// insertAll is the SQLite target: a prepared INSERT, committing every
// transferBatch rows so one huge table does not make one huge transaction.
func (s *Store) insertAll(ctx context.Context, table string, names []string, src *rowSource) (int64, error) {
	ph := make([]string, len(names))
	for i := range ph {
		ph[i] = fmt.Sprintf("$%d", i+1)
	}
	q := "INSERT INTO " + quoteIdent(table) + " (" + quoteColumns(names) + ") VALUES (" + strings.Join(ph, ", ") + ")"
	var n int64
	for more := true; more; {
		more = false
		err := s.transact(ctx, func(tx *sql.Tx) error {
			stmt, err := tx.PrepareContext(ctx, q)
			if err != nil {
				return err
			}
			defer stmt.Close()
			for i := 0; i < transferBatch; i++ {
				if !src.Next() {
					return src.Err()
				}
				vals, _ := src.Values()
				if _, err := stmt.ExecContext(ctx, vals...); err != nil {
					return err
				}
				n++
			}
			more = true
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// rowSource adapts *sql.Rows to pgx.CopyFromSource, converting values to
// what the target column's type expects.
type rowSource struct {
	rows *sql.Rows
	cols []Column
	vals []any
	ptrs []any
	err  error
}

func (r *rowSource) Next() bool {
	if r.err != nil || !r.rows.Next() {
		return false
	}
	if err := r.rows.Scan(r.ptrs...); err != nil {
		r.err = err
		return false
	}
	for i, v := range r.vals {
		r.vals[i] = convertFor(r.cols[i].Type, v)
	}
	return true
}

func (r *rowSource) Values() ([]any, error) { return r.vals, nil }

func (r *rowSource) Err() error {
	if r.err != nil {
		return r.err
	}
	return r.rows.Err()
}

// convertFor bridges the engines' value types: SQLite stores booleans as
// integers and may hand text back as bytes.
func convertFor(typ string, v any) any {
	switch x := v.(type) {
	case []byte:
		if typ != "bytea" && typ != "blob" {
			return string(x)
		}
	case int64:
		if typ == "boolean" {
			return x != 0
		}
	case bool:
		if typ != "boolean" {
			if x {
				return int64(1)
			}
			return int64(0)
		}
	}
	return v
}

// resetIdentities moves PostgreSQL identity sequences past the largest id
// copied, so the next insert does not collide with a copied row.
func (s *Store) resetIdentities(ctx context.Context, tables []Table) error {
	if s.pg == nil {
		return nil
	}
	for _, t := range tables {
		for _, c := range t.Columns {
			if !c.Identity {
				continue
			}
			q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(%s), 0) + 1, false) FROM %s", quoteIdent(c.Name), quoteIdent(t.Name))
			if _, err := s.write.ExecContext(ctx, q, t.Name, c.Name); err != nil {
				return fmt.Errorf("reset identity of %s.%s: %w", t.Name, c.Name, err)
			}
		}
	}
	return nil
}
