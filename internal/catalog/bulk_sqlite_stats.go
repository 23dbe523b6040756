package catalog

import (
	"context"
	"database/sql/driver"
	"strconv"
	"strings"
)

// analyze is bounded: it samples each index instead of reading it whole;
// the planner needs proportions, not exact counts. Given tables, it only
// analyzes those whose row count moved by more than a tenth from the one
// their statistics hold (or that have none): a load that changed a few
// thousand rows of a large catalog leaves its statistics as they are.
func (e *sqliteBulk) analyze(ctx context.Context, tables []string) error {
	if tables == nil {
		return e.exec(ctx, "PRAGMA analysis_limit = 2000; ANALYZE", nil)
	}
	var hasStats bool
	err := e.query(ctx, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'", nil, func([]driver.Value) error {
		hasStats = true
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range tables {
		var now, then int64 = 0, -1
		if err := e.query(ctx, "SELECT COUNT(*) FROM "+t, nil, func(v []driver.Value) error { now = asInt(v[0]); return nil }); err != nil {
			return err
		}
		if hasStats {
			err := e.query(ctx, "SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1", []driver.Value{t}, func(v []driver.Value) error {
				then, _ = strconv.ParseInt(strings.Fields(asString(v[0]) + " 0")[0], 10, 64)
				return nil
			})
			if err != nil {
				return err
			}
		}
		if then >= 0 && abs(now-then)*10 <= then {
			continue // the statistics still describe the table
		}
		if err := e.exec(ctx, "PRAGMA analysis_limit = 2000; ANALYZE "+t, nil); err != nil {
			return err
		}
	}
	return nil
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
