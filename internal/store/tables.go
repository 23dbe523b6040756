package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Table describes one table of the database as found by introspection, so
// that copying and checksumming follow the schema as migrations left it
// rather than a list kept by hand.
type Table struct {
	Name    string   `json:"name"`
	Columns []Column `json:"columns"` // stored columns in declared order; generated columns are left out
	Refs    []string `json:"refs,omitempty"`
}

// Column is a stored column of a table.
type Column struct {
	Name     string `json:"name"`
	Type     string `json:"type"`               // as the engine names it, lower case
	Identity bool   `json:"identity,omitempty"` // an id the database assigns (rowid alias, identity column)
}

// ColumnNames returns the names of t's columns.
func (t Table) ColumnNames() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// Tables returns the database's ordinary tables in dependency order (a
// table after every table it references), leaving out the migration
// ledger, engine-internal tables and search indexes that are rebuilt from
// the others (SQLite virtual tables and their shadow tables).
func (s *Store) Tables(ctx context.Context) ([]Table, error) {
	var (
		tables []Table
		err    error
	)
	if s.pg != nil {
		tables, err = s.pgTables(ctx)
	} else {
		tables, err = s.sqliteTables(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	return sortByDependency(tables), nil
}

func (s *Store) sqliteTables(ctx context.Context) ([]Table, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var names, virtual []string
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			rows.Close()
			return nil, err
		}
		if strings.HasPrefix(strings.ToUpper(ddl), "CREATE VIRTUAL TABLE") {
			virtual = append(virtual, name)
			continue
		}
		names = append(names, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Table
	for _, name := range names {
		if name == "schema_migrations" || isShadow(name, virtual) || isDerived(name) {
			continue
		}
		t := Table{Name: name}
		var pkCols []Column
		cols, err := s.read.QueryContext(ctx, `SELECT name, LOWER(type), pk, hidden FROM pragma_table_xinfo($1) ORDER BY cid`, name)
		if err != nil {
			return nil, err
		}
		for cols.Next() {
			var (
				c          Column
				pk, hidden int
			)
			if err := cols.Scan(&c.Name, &c.Type, &pk, &hidden); err != nil {
				cols.Close()
				return nil, err
			}
			if hidden != 0 {
				continue
			}
			if pk > 0 {
				pkCols = append(pkCols, c)
			}
			t.Columns = append(t.Columns, c)
		}
		cols.Close()
		if len(pkCols) == 1 && pkCols[0].Type == "integer" {
			for i := range t.Columns {
				t.Columns[i].Identity = t.Columns[i].Name == pkCols[0].Name
			}
		}
		if t.Refs, err = s.strings(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list($1) ORDER BY 1`, name); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// isDerived reports a table that is computed from others — the search
// index's search_* tables — and so is rebuilt by its owner (the search
// package's triggers and Rebuild) rather than copied or checksummed.
func isDerived(name string) bool { return strings.HasPrefix(name, "search_") }

// isShadow reports whether name is a shadow table of one of the virtual
// tables (FTS5 keeps x_data, x_idx, x_content … beside x).

func isShadow(name string, virtual []string) bool {
	for _, v := range virtual {
		if strings.HasPrefix(name, v+"_") {
			return true
		}
	}
	return false
}

func (s *Store) pgTables(ctx context.Context) ([]Table, error) {
	names, err := s.strings(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	var out []Table
	for _, name := range names {
		if isDerived(name) {
			continue
		}
		t := Table{Name: name}
		rows, err := s.read.QueryContext(ctx, `SELECT column_name, LOWER(data_type), is_identity = 'YES' FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c Column
			if err := rows.Scan(&c.Name, &c.Type, &c.Identity); err != nil {
				rows.Close()
				return nil, err
			}
			t.Columns = append(t.Columns, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		t.Refs, err = s.strings(ctx, `SELECT DISTINCT r.relname::text FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid
			WHERE c.contype = 'f' AND c.conrelid = to_regclass(quote_ident($1)) ORDER BY 1`, name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// sortByDependency orders tables so that each follows the tables it
// references; ties (and cycles, which Marquee's schema does not have) keep
// name order.
func sortByDependency(tables []Table) []Table {
	sort.Slice(tables, func(i, j int) bool { return tables[i].Name < tables[j].Name })
	placed := map[string]bool{}
	known := map[string]bool{}
	for _, t := range tables {
		known[t.Name] = true
	}
	out := make([]Table, 0, len(tables))
	for len(out) < len(tables) {
		progress := false
		for _, t := range tables {
			if placed[t.Name] {
				continue
			}
			ready := true
			for _, r := range t.Refs {
				if r != t.Name && known[r] && !placed[r] {
					ready = false
					break
				}
			}
			if ready {
				out = append(out, t)
				placed[t.Name] = true
				progress = true
			}
		}
		if !progress { // a cycle: place the rest in name order
			for _, t := range tables {
				if !placed[t.Name] {
					out = append(out, t)
					placed[t.Name] = true
				}
			}
		}
	}
	return out
}
