package catalog

import (
	"context"
	"fmt"
	"time"

	"marquee/internal/store"
)

// importRun is what runImport needs to know of one import.
type importRun struct {
	source, input string // recorded in import_runs
	// tables have their secondary indexes dropped for the load and rebuilt
	// before the commit, except those in keep.
	tables []string
	keep   map[string]bool
	// search says the load bulk-writes what the search index holds (films,
	// their titles, people, characters, popularity): per-row upkeep is then
	// suspended for the load. Imports that do not (ratings, diaries, box
	// office figures, a few films found or created) leave the upkeep on,
	// which keeps the index in step row by row, and never rebuild it.
	search bool
	// searchChanged, when search is set, reports after the load whether it
	// changed anything the index holds; nil means it may have. When it did
	// not, the upkeep is only resumed, without refilling the index.
	searchChanged func() bool
	// searchFilms, when search is set, may say after the load which films'
	// documents it changed, all else indexed being as it was (ok); when
	// they are few against the catalog, only theirs are re-indexed.
	searchFilms func() (films []int64, ok bool)
	// analyze are the tables whose planner statistics the load may have
	// made stale; nil means any table. Only those whose row count moved by
	// more than a tenth since their statistics are analyzed (SQLite).
	analyze []string
	load    func(ctx context.Context) error
	// afterIndex, if set, runs once the indexes are back.
	afterIndex func(ctx context.Context) error
}

// runImport wraps a bulk load: it records the run and, inside one
// transaction (IMMEDIATE on SQLite), suspends search index upkeep if the
// load needs it, drops the tables' secondary indexes, runs the load,
// rebuilds the indexes, runs afterIndex, brings the search index up to
// date, runs ANALYZE and marks the run done before the commit.
// Everything, the search index included, commits at once or not at all.
// A dry run only loads.
func runImport(ctx context.Context, st *store.Store, db *bulkConn, opts Options, r importRun) (err error) {
	if opts.DryRun {
		return r.load(ctx)
	}
	log := opts.log()
	runID, err := startRun(ctx, db, r, opts)
	if err != nil {
		return err
	}
	// From here on a failure marks the run failed. The cleanup runs even
	// when ctx is cancelled, which is one way of failing.
	begun := false
	defer func() {
		if err != nil {
			cctx := context.WithoutCancel(ctx)
			db.reset()
			if begun {
				_ = db.rollback(cctx)
			}
			_ = store.FailImportRun(cctx, db, runID, time.Now().Unix())
		}
	}()
	if err := db.begin(ctx); err != nil {
		return err
	}
	begun = true
	var sus *store.SuspendedSearch
	if r.search {
		if sus, err = store.SuspendSearch(ctx, st.Engine(), db); err != nil {
			return err
		}
	}
	catalogFilms, err := store.BulkFilmSpan(ctx, db)
	if err != nil {
		return err
	}
	saved, err := db.dropIndexes(ctx, r.tables, r.keep)
	if err != nil {
		return err
	}
	if err := r.load(ctx); err != nil {
		return err
	}
	phase(opts.Progress, "index")
	if err := db.rebuildIndexes(ctx, saved, func(name string) { log.Info("building index", "index", name) }); err != nil {
		return err
	}
	if r.afterIndex != nil {
		if err := r.afterIndex(ctx); err != nil {
			return err
		}
	}
	if sus != nil {
		if err := resumeSearch(ctx, db, sus, r, opts, catalogFilms); err != nil {
			return err
		}
	}
	phase(opts.Progress, "analyze")
	log.Info("analyzing")
	if err := db.analyze(ctx, r.analyze); err != nil {
		return err
	}
	return finishRun(ctx, db, runID, opts)
}

// startRun records the run (store.StartImportRun), saying so when a run
// of the same source was left running by a process that died.
func startRun(ctx context.Context, db *bulkConn, r importRun, opts Options) (int64, error) {
	id, interrupted, err := store.StartImportRun(ctx, db, r.source, r.input, time.Now().Unix())
	if interrupted {
		opts.log().Warn("a previous import was interrupted; its changes were never committed, starting over", "source", r.source)
	}
	return id, err
}

// filmsPerRefill bounds a partial re-index: below one film of the load
// per filmsPerRefill films of the catalog, re-indexing the load's films
// costs less than refilling the index. BenchmarkMovieLensMovies measured
// (loaded machine) a refill at about 30 µs a film of the catalog and a
// film's re-index at 20–180 µs, so the bound errs on the side of refills.
const filmsPerRefill = 32

// resumeSearch brings the search upkeep back, refilling the index first
// if the load changed what it holds, or re-indexing only the films it
// changed when they are few against the catalog's catalogFilms.
func resumeSearch(ctx context.Context, db *bulkConn, sus *store.SuspendedSearch, r importRun, opts Options, catalogFilms int64) error {
	if r.searchFilms != nil {
		if films, ok := r.searchFilms(); ok && int64(len(films))*filmsPerRefill < catalogFilms {
			opts.log().Info("re-indexing films for search", "films", len(films))
			return sus.ResumeFilms(ctx, db, films)
		}
	}
	changed := r.searchChanged == nil || r.searchChanged()
	if changed {
		phase(opts.Progress, "search")
		opts.log().Info("rebuilding the search index")
	}
	if err := db.sorting(ctx, true); err != nil {
		return err
	}
	return sus.Resume(ctx, db, changed)
}

// finishRun marks the run done and commits.
func finishRun(ctx context.Context, db *bulkConn, runID int64, opts Options) error {
	if err := store.FinishImportRun(ctx, db, runID, time.Now().Unix()); err != nil {
		return err
	}
	if err := db.commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	opts.log().Info("committed")
	return nil
}
