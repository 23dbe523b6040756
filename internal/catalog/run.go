package catalog

import (
	"context"
	"fmt"
	"time"

	"marquee/internal/store"
)

// runImport wraps a bulk load: it records the run and, inside one
// IMMEDIATE transaction, suspends search index maintenance, drops the
// tables' secondary indexes, runs load, rebuilds the indexes (afterIndex,
// if any, runs once they are back), rebuilds the search index, runs
// ANALYZE and marks the run done before the commit. Everything, the search
// index included, commits at once or not at all. A dry run only loads.
func runImport(ctx context.Context, st *store.Store, db *bulkConn, source, input string, opts Options, tables []string, keep map[string]bool, load, afterIndex func() error) (err error) {
	if opts.DryRun {
		return load()
	}
	log := opts.log()
	if n, _ := db.queryInt("SELECT COUNT(*) FROM import_runs WHERE source = ? AND status = 'running'", source); n > 0 {
		log.Warn("a previous import was interrupted; its changes were never committed, starting over", "source", source)
		if err := db.exec("UPDATE import_runs SET status = 'failed' WHERE source = ? AND status = 'running'", source); err != nil {
			return err
		}
	}
	if err := db.exec("INSERT INTO import_runs (source, input, started_at) VALUES (?, ?, ?)", source, input, time.Now().Unix()); err != nil {
		return err
	}
	runID, err := db.queryInt("SELECT MAX(id) FROM import_runs")
	if err != nil {
		return err
	}
	// From here on a failure marks the run failed.
	begun := false
	defer func() {
		if err != nil {
			db.reset()
			if begun {
				_ = db.exec("ROLLBACK")
			}
			_ = db.exec("UPDATE import_runs SET status = 'failed', finished_at = ? WHERE id = ?", time.Now().Unix(), runID)
		}
	}()
	if err := db.begin(); err != nil {
		return err
	}
	begun = true
	if err := db.execAll(searchPrepare(st.Engine())); err != nil {
		return fmt.Errorf("search: suspend index maintenance: %w", err)
	}
	saved, err := db.dropIndexes(ctx, tables, keep)
	if err != nil {
		return err
	}
	if err := load(); err != nil {
		return err
	}
	phase(opts.Progress, "index")
	if err := db.rebuildIndexes(ctx, saved, func(name string) { log.Info("building index", "index", name) }); err != nil {
		return err
	}
	if afterIndex != nil {
		if err := afterIndex(); err != nil {
			return err
		}
	}
	phase(opts.Progress, "search")
	log.Info("rebuilding the search index")
	if st.Engine() == "sqlite" {
		// The small page cache of the index builds: the refill's sort and
		// the FTS5 hash bring their own memory.
		if err := db.exec("PRAGMA cache_size = -8192"); err != nil {
			return err
		}
	}
	if err := db.execAll(searchRebuild(st.Engine())); err != nil {
		return fmt.Errorf("search: rebuild index: %w", err)
	}
	phase(opts.Progress, "analyze")
	log.Info("analyzing")
	if err := db.analyze(); err != nil {
		return err
	}
	if err := db.exec("UPDATE import_runs SET status = 'done', finished_at = ? WHERE id = ?", time.Now().Unix(), runID); err != nil {
		return err
	}
	// The page cache's catalog stamp moves with the commit. The trigger on
	// import_runs does it on SQLite; on PostgreSQL the load runs with
	// triggers off (session_replication_role = replica), so say it here.
	if err := db.exec(`INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1)
		ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1`); err != nil {
		return err
	}
	if err := db.exec("COMMIT"); err != nil {
		return err
	}
	log.Info("committed")
	return nil
}
