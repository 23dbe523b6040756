package catalog

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"

	"marquee/internal/store"
)

// savedIndex is a secondary index dropped for a load, to be recreated;
// stat is what the engine keeps of its statistics (SQLite).
type savedIndex struct {
	name, sql string
	stat      []driver.Value
}

// dropIndexes drops the explicitly created indexes on tables, except those
// keep keeps, and returns them for rebuildIndexes. B-tree indexes built once
// from sorted data cost about half of what maintaining them row by row does.
func (b *bulkConn) dropIndexes(ctx context.Context, tables []string, keep func(name string) bool) ([]savedIndex, error) {
	if len(tables) == 0 {
		return nil, nil
	}
	if err := b.wait(); err != nil {
		return nil, err
	}
	return b.eng.dropIndexes(ctx, tables, keep)
}

// rebuildIndexes recreates dropped indexes, with the engine's settings for
// sorting.
func (b *bulkConn) rebuildIndexes(ctx context.Context, saved []savedIndex, each func(name string)) error {
	if len(saved) == 0 {
		return nil
	}
	if err := b.sorting(ctx, true); err != nil {
		return err
	}
	for _, ix := range saved {
		if err := ctx.Err(); err != nil {
			return err
		}
		each(ix.name)
		if err := b.execCtx(ctx, ix.sql); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix.name, err)
		}
		if err := b.eng.rebuilt(ctx, ix); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix.name, err)
		}
	}
	return b.sorting(ctx, false)
}

func (b *bulkConn) sorting(ctx context.Context, on bool) error {
	if err := b.wait(); err != nil {
		return err
	}
	return b.eng.sorting(ctx, on)
}

func asString(v driver.Value) string { return store.BulkText(v) }

// jsonList passes a list of names as one parameter (json_each on SQLite).
func jsonList(names []string) string {
	b, _ := json.Marshal(names)
	return string(b)
}
