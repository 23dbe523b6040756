package catalog

import (
	"context"
	"fmt"
	"slices"
	"strings"
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
	// settle are indexes of tables the load cannot write with: it writes
	// rows that clash on them and settles the clashes before the rebuild
	// (IMDb's slugs). They are dropped for a small load too.
	settle map[string]bool
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
	// analyze are the tables whose planner statistics the load may have
	// made stale; nil means any table (after a bulk load; a small one
	// then looks at tables, and films when search is set). Only those
	// whose row count moved by more than a tenth since their statistics
	// are analyzed.
	analyze []string
	load    func(ctx context.Context) error
	// afterIndex, if set, runs once the indexes are back.
	afterIndex func(ctx context.Context) error
}

// runImport wraps a bulk load: it records the run and, inside one
// transaction (IMMEDIATE on SQLite), runs the load, going bulk when it is
// large against the catalog (suspending search index upkeep if the load
// needs it, dropping the tables' secondary indexes, and after the load
// rebuilding both), runs afterIndex, analyzes the tables whose
// statistics went stale and marks the run done before the commit.
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
	catalogFilms, err := store.BulkFilmSpan(ctx, db)
	if err != nil {
		return err
	}
	// A load goes bulk — search upkeep suspended, the tables' secondary
	// indexes dropped, both rebuilt after it — from the start into an
	// empty catalog, else once its writes pass a share of the catalog:
	// below that, keeping the indexes and the search index up row by row
	// costs less than rebuilding them for the whole catalog.
	var (
		sus   *store.SuspendedSearch
		saved []savedIndex
		bulk  bool
	)
	goBulk := func() (err error) {
		bulk = true
		if r.search {
			if sus, err = store.SuspendSearch(ctx, st.Engine(), db); err != nil {
				return err
			}
		}
		more, err := db.dropIndexes(ctx, r.tables, func(name string) bool { return r.keep[name] || r.settle[name] })
		saved = append(saved, more...)
		return err
	}
	// What a small load may analyze: the tables it wrote (films too, when
	// it writes what search indexes), unless the importer says.
	analyze := r.analyze
	if analyze == nil {
		analyze = append([]string{}, r.tables...)
		if r.search && !slices.Contains(analyze, "films") {
			analyze = append(analyze, "films")
		}
	}
	statsBefore, err := db.statsBefore(ctx, analyze)
	if err != nil {
		return err
	}
	if saved, err = db.dropIndexes(ctx, r.tables, func(name string) bool { return !r.settle[name] }); err != nil {
		return err
	}
	if limit := catalogFilms / writesPerRebuild; limit == 0 {
		if err := goBulk(); err != nil {
			return err
		}
	} else {
		db.watchWrites(limit, func() error {
			log.Info("going bulk: the load writes more than a rebuild costs", "rows", limit)
			return goBulk()
		})
	}
	err = r.load(ctx)
	wrote := db.unwatch()
	if err != nil {
		return err
	}
	if !bulk {
		log.Info("small load: indexes and search kept up row by row", "rows", wrote)
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
		if err := resumeSearch(ctx, db, sus, r, opts); err != nil {
			return err
		}
	}
	phase(opts.Progress, "analyze")
	if bulk {
		wrote = 0 // not a bound: the rows a bulk load writes are not all counted
		analyze = r.analyze
	}
	analyzed, err := db.analyze(ctx, analyze, statsBefore, wrote)
	if err != nil {
		return err
	}
	if analyzed == nil {
		log.Info("analyzed", "tables", "all")
	} else {
		log.Info("analyzed", "tables", strings.Join(analyzed, ","))
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

// writesPerRebuild bounds a small load: one written row per
// writesPerRebuild films of the catalog. BenchmarkMovieLensMovies measured
// (loaded machine) a search refill at about 30 µs a film of the catalog,
// and a film's upkeep row by row at 20–180 µs; index rebuilds add to the
// former, so the bound errs on the side of rebuilds.
const writesPerRebuild = 32

// resumeSearch brings the search upkeep back after a bulk load, refilling
// the index first if the load changed what it holds.
func resumeSearch(ctx context.Context, db *bulkConn, sus *store.SuspendedSearch, r importRun, opts Options) error {
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
