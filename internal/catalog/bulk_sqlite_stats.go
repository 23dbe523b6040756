package catalog

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"
)

// analyze is bounded: it samples each index instead of reading it whole;
// the planner needs proportions, not exact counts. Given tables, it
// analyzes those only (bulkConn.analyze picks the stale ones).
func (e *sqliteBulk) analyze(ctx context.Context, tables []string) error {
	if tables == nil {
		return e.exec(ctx, "PRAGMA analysis_limit = 2000; ANALYZE", nil)
	}
	for _, t := range tables {
		if err := e.exec(ctx, "PRAGMA analysis_limit = 2000; ANALYZE "+t, nil); err != nil {
			return err
		}
	}
	return nil
}

// statRows is the row count table's statistics hold (sqlite_stat1's
// first figure), if it has any.
func (e *sqliteBulk) statRows(ctx context.Context, table string) (rows int64, ok bool, err error) {
	var hasStats bool
	err = e.query(ctx, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'", nil, func([]driver.Value) error {
		hasStats = true
		return nil
	})
	if err != nil || !hasStats {
		return 0, false, err
	}
	err = e.query(ctx, "SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1", []driver.Value{table}, func(v []driver.Value) error {
		n, perr := strconv.ParseInt(strings.Fields(asString(v[0]) + " 0")[0], 10, 64)
		rows, ok = n, perr == nil
		return nil
	})
	return rows, ok, err
}

// indexStat is index's row of sqlite_stat1 (table, index, figures), or
// nil.
func (e *sqliteBulk) indexStat(ctx context.Context, index string) (stat []driver.Value, err error) {
	var hasStats bool
	err = e.query(ctx, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'", nil, func([]driver.Value) error {
		hasStats = true
		return nil
	})
	if err != nil || !hasStats {
		return nil, err
	}
	err = e.query(ctx, "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx = ?", []driver.Value{index}, func(v []driver.Value) error {
		stat = []driver.Value{asString(v[0]), asString(v[1]), asString(v[2])}
		return nil
	})
	return stat, err
}

// rebuilt puts back the statistics ix had before it was dropped.
func (e *sqliteBulk) rebuilt(ctx context.Context, ix savedIndex) error {
	if ix.stat == nil {
		return nil
	}
	return e.exec(ctx, "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", ix.stat)
}

// countRows counts table's rows.
func (e *sqliteBulk) countRows(ctx context.Context, table string) (n int64, err error) {
	err = e.query(ctx, "SELECT COUNT(*) FROM "+table, nil, func(v []driver.Value) error { n = asInt(v[0]); return nil })
	return n, err
}
