package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// errNotPostgres is returned by the COPY paths on SQLite, whose fastest
// path is prepared INSERTs in one transaction (the importers' own).
var errNotPostgres = errors.New("COPY needs the PostgreSQL store")

// CopyRows appends rows to table with PostgreSQL's COPY FROM STDIN in
// binary format, the fastest way into an empty or append-only table. It
// returns how many rows were copied. Constraint violations abort the
// whole COPY.
func (s *Store) CopyRows(ctx context.Context, table string, cols []string, rows pgx.CopyFromSource) (int64, error) {
	if s.pg == nil {
		return 0, errNotPostgres
	}
	n, err := s.pg.CopyFrom(ctx, pgx.Identifier{table}, cols, rows)
	if err != nil {
		return n, s.wrap(err, "copy into", "table", table)
	}
	return n, nil
}

// CopyUpsert loads rows into table through a temporary staging table:
// COPY into the stage, then one INSERT … SELECT … ON CONFLICT (conflict)
// that updates the other columns, or leaves existing rows alone when
// update is false. It is COPY's speed with upsert semantics, for imports
// into tables that may already hold some of the rows; duplicates within
// rows are collapsed (the last wins) so one statement can apply them.
// Everything happens in one transaction; it returns the rows staged.
func (s *Store) CopyUpsert(ctx context.Context, table string, cols, conflict []string, update bool, rows pgx.CopyFromSource) (int64, error) {
	if s.pg == nil {
		return 0, errNotPostgres
	}
	stage := "stage_" + table
	var set []string
	for _, c := range cols {
		if !contains(conflict, c) {
			set = append(set, quoteIdent(c)+" = excluded."+quoteIdent(c))
		}
	}
	action := "DO NOTHING"
	if update && len(set) > 0 {
		action = "DO UPDATE SET " + strings.Join(set, ", ")
	}
	colList, keyList := quoteColumns(cols), quoteColumns(conflict)
	var n int64
	err := pgx.BeginFunc(ctx, s.pg, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, fmt.Sprintf("CREATE TEMP TABLE %s ON COMMIT DROP AS SELECT %s FROM %s WITH NO DATA",
			quoteIdent(stage), colList, quoteIdent(table))); err != nil {
			return err
		}
		var err error
		if n, err = tx.CopyFrom(ctx, pgx.Identifier{stage}, cols, rows); err != nil {
			return err
		}
		// DISTINCT ON keeps one row per key: ON CONFLICT may not touch a
		// row twice in one statement. ctid order makes "last wins".
		_, err = tx.Exec(ctx, fmt.Sprintf(`INSERT INTO %s (%s)
			SELECT DISTINCT ON (%s) %s FROM %s ORDER BY %s, ctid DESC
			ON CONFLICT (%s) %s`,
			quoteIdent(table), colList, keyList, colList, quoteIdent(stage), keyList, keyList, action))
		return err
	})
	if err != nil {
		return n, s.wrap(err, "copy into", "table", table)
	}
	return n, nil
}

func contains(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}
