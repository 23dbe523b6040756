package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// The IMDb import's reads of what the catalog holds and its settling
// statements, run on its bulk connection (see BulkConn). table is
// "films" or "people".

// BulkIMDbIDs calls fn with the id and IMDb id of every row of table that
// has one.
func BulkIMDbIDs(ctx context.Context, c BulkConn, table string, fn func(id int64, imdb string)) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk imdb ids: no table %q", table)
	}
	return c.QueryArgs(ctx, "SELECT id, imdb_id FROM "+table+" WHERE imdb_id IS NOT NULL", func(v []driver.Value) error {
		fn(bulkInt(v[0]), BulkText(v[1]))
		return nil
	})
}

// BulkNextID is one more than the highest id of table.
func BulkNextID(ctx context.Context, c BulkConn, table string) (next int64, err error) {
	if !slugTables[table] {
		return 0, fmt.Errorf("bulk next id: no table %q", table)
	}
	err = c.QueryArgs(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM "+table, func(v []driver.Value) error {
		next = bulkInt(v[0])
		return nil
	})
	return next, err
}

// BulkSlugsWithoutIMDb calls fn with the slug and id of every row of
// table without an IMDb id (the demo catalog's, box office's or
// MovieLens's additions), which an IMDb row of the same slug adopts.
func BulkSlugsWithoutIMDb(ctx context.Context, c BulkConn, table string, fn func(slug string, id int64)) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk slugs: no table %q", table)
	}
	return c.QueryArgs(ctx, "SELECT slug, id FROM "+table+" WHERE imdb_id IS NULL", func(v []driver.Value) error {
		fn(BulkText(v[0]), bulkInt(v[1]))
		return nil
	})
}

// BulkSetFilmRating writes film id's IMDb rating and votes.
func BulkSetFilmRating(ctx context.Context, c BulkConn, id int64, avg float64, votes int64) error {
	return c.ExecArgs(ctx, "UPDATE films SET rating_avg = ?, rating_votes = ? WHERE id = ?", avg, votes, id)
}

// BulkCountCredits sets every person's credit count to the credits they
// hold, where it differs.
func BulkCountCredits(ctx context.Context, c BulkConn) error {
	return c.ExecArgs(ctx, `UPDATE people SET credit_count = c.n
		FROM (SELECT person_id, COUNT(*) AS n FROM credits GROUP BY person_id) AS c
		WHERE people.id = c.person_id AND people.credit_count <> c.n`)
}
