package catalog

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"marquee/internal/store"
)

// IMDbOptions are the options of ImportIMDb.
type IMDbOptions struct {
	Options
	// Types are the IMDb title types kept (titleType column); nil keeps
	// DefaultTypes, and a single "all" keeps every type.
	Types []string
}

// DefaultTypes are the title types an IMDb import keeps unless told.
var DefaultTypes = []string{"movie", "tvMovie"}

// imdbDataset is one of IMDb's files, in the order they are loaded:
// people and ratings before titles, titles before what refers to them.
type imdbDataset struct {
	name   string
	header string
	load   func(l *imdbLoad, ctx context.Context, t *tsv) error
}

var imdbDatasets = []imdbDataset{
	{"name.basics", "nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles", (*imdbLoad).names},
	{"title.ratings", "tconst\taverageRating\tnumVotes", (*imdbLoad).ratings},
	{"title.basics", "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres", (*imdbLoad).titles},
	{"title.akas", "titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle", (*imdbLoad).akas},
	{"title.episode", "tconst\tparentTconst\tseasonNumber\tepisodeNumber", (*imdbLoad).episodes},
	{"title.principals", "tconst\tordering\tnconst\tcategory\tjob\tcharacters", (*imdbLoad).principals},
	{"title.crew", "tconst\tdirectors\twriters", (*imdbLoad).crew},
}

// imdbTables are the tables an IMDb import writes; their secondary indexes
// are dropped for the load and rebuilt before commit.
var imdbTables = []string{"films", "film_genres", "alt_titles", "people", "credits", "characters", "episodes"}

// keptIndexes stay during the load. Their keys arrive in ascending order
// (IMDb's files are sorted by id, and ids are assigned in file order), so
// keeping them costs appends at the right edge of the B-tree, less than
// building them afterwards; and characters_film_slug is the conflict
// target of the characters upsert.
var keptIndexes = map[string]bool{"films_imdb": true, "people_imdb": true, "characters_film_slug": true}

// settledIndexes are dropped even for a small load: new films and people
// are written with their bare slugs, and the clashes settled after the
// load (dedupeSlugs).
var settledIndexes = map[string]bool{"films_slug": true, "people_slug": true}

// imdbLoad is the state of one IMDb import.
type imdbLoad struct {
	opts   IMDbOptions
	sum    *Summary
	db     *bulkConn // reads existing ids; nil-safe writes
	w      *bulkConn // nil on a dry run
	types  map[string]bool
	films  idTable
	people idTable
	next   struct{ film, person int64 }
	// firstNew is the id of the first film this import adds: films below
	// it were in the catalog before (see mergeOldCharacterRows).
	firstNew int64
	// oldCharacterRows counts the one-row-per-character credits of an
	// earlier import that principals merged into one credit.
	oldCharacterRows int64
	rates            ratingTable
	werr             error // a write failure, which stops the load (set by row functions)
	rated            bool  // title.ratings is part of this import
	titled           bool  // title.basics is part of this import
	now              int64

	filmSlugs, personSlugs *slugIndex
	renames                []filmRename // existing films whose slug this import changes
	crewCredits            creditSet    // directors and writers written from principals
	// Films and people already in the catalog without an IMDb id (the demo
	// catalog, box-office or MovieLens additions), by slug: an IMDb row
	// with the same slug adopts the row instead of duplicating it.
	adoptFilms, adoptPeople map[string]int64
	// ratingsLanded counts title.ratings rows written onto a film;
	// countRatings settles ratesFile's counts with it.
	ratingsLanded int64
	ratesFile     string
	charFilm      int64           // the film whose characters charSeen holds
	charSeen      map[string]bool // character slugs of charFilm
	stored        storedHashes    // what the catalog holds, to count unchanged rows
	heldWritten   heldPrincipals  // credits written onto held films (replacedPrincipals)
	hash          *rowHash
	// title.ratings rows that landed on a film the catalog held, changing
	// its rating or not (the others landed on films this import adds).
	ratingsUpdated, ratingsUnchanged int64
}

// found is a dataset file present in the import directory.
type found struct {
	imdbDataset
	path string
}

// findIMDb lists the datasets present in dir and checks each one's header,
// so a wrong or unreadable file fails the import before anything is written.
func findIMDb(dir string) ([]found, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory of IMDb dataset files", dir)
	}
	var out []found
	for _, d := range imdbDatasets {
		for _, ext := range []string{".tsv.gz", ".tsv"} {
			p := filepath.Join(dir, d.name+ext)
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			if st.IsDir() {
				// The .gz files name their content data.tsv, so 7-Zip and
				// gunzip -N extract title.basics.tsv.gz to a folder
				// title.basics.tsv holding data.tsv.
				if inner := filepath.Join(p, "data.tsv"); checkRegular(inner) == nil {
					p = inner
				}
			}
			t, err := openTSV(p, d.header)
			if err != nil {
				return nil, err
			}
			t.Close()
			out = append(out, found{d, p})
			break
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no IMDb dataset files (title.basics.tsv.gz, name.basics.tsv.gz, …)", dir)
	}
	return out, nil
}

// ImportIMDb loads IMDb's datasets from dir (.tsv.gz or .tsv, whichever
// of the seven are present) into st, which must be SQLite. It writes in
// one transaction: on any error, or when ctx is cancelled, the catalog is
// left as it was. Re-importing updates films and people in place, keyed by
// their IMDb ids; their slugs never change once given.
func ImportIMDb(ctx context.Context, st *store.Store, dir string, opts IMDbOptions) (*Summary, error) {
	start := time.Now()
	sum := newSummary("imdb", opts.Options)
	files, err := findIMDb(dir)
	if err != nil {
		return sum, err
	}
	db, err := openBulk(ctx, st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	l := &imdbLoad{opts: opts, sum: sum, db: db, now: start.Unix()}
	if !opts.DryRun {
		l.w = db
	}
	l.types = typeSet(opts.Types)
	if err := l.loadExistingIDs(ctx); err != nil {
		return sum, err
	}
	err = runImport(ctx, st, db, opts.Options, importRun{source: "imdb", input: dir, tables: imdbTables, keep: keptIndexes, settle: settledIndexes,
		search: true, searchChanged: sum.wrote, afterIndex: func(ctx context.Context) error { return firstErr(l.renameFilms(ctx), l.countCredits(ctx)) }, load: func(ctx context.Context) error {
			return l.load(ctx, files)
		}})
	sum.finish(start, err)
	return sum, err
}

// load reads every file, then settles what needs all of them.
func (l *imdbLoad) load(ctx context.Context, files []found) error {
	{
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := l.loadFile(ctx, f); err != nil {
				return err
			}
		}
		if err := l.finish(); err != nil {
			return err
		}
		l.release()
		return nil
	}
}

// release drops the load's lookup tables once every file is in, and
// returns their memory to the system before the index and search builds,
// which want it for their own sorting: at the real IMDb's size the tables
// are hundreds of megabytes.
func (l *imdbLoad) release() {
	l.films, l.people = idTable{}, idTable{}
	l.filmSlugs, l.personSlugs = nil, nil
	l.crewCredits, l.rates = creditSet{}, nil
	l.adoptFilms, l.adoptPeople, l.charSeen = nil, nil, nil
	l.stored = storedHashes{}
	debug.FreeOSMemory()
}

func typeSet(types []string) map[string]bool {
	if len(types) == 1 && types[0] == "all" {
		return nil
	}
	if len(types) == 0 {
		types = DefaultTypes
	}
	m := map[string]bool{}
	for _, t := range types {
		m[t] = true
	}
	return m
}

func (l *imdbLoad) keep(titleType string) bool { return l.types == nil || l.types[titleType] }

func (l *imdbLoad) loadFile(ctx context.Context, f found) error {
	t, err := openTSV(f.path, f.header)
	if err != nil {
		return err
	}
	defer t.Close()
	l.opts.log().Info("loading", "file", t.name)
	if err := f.load(l, ctx, t); err != nil {
		return err
	}
	return t.err()
}

// loadExistingIDs reads the ids of films and people already imported, so
// a re-import updates them in place.
func (l *imdbLoad) loadExistingIDs(ctx context.Context) error {
	for _, x := range []struct {
		table, prefix string
		ids           *idTable
		next          *int64
	}{{"films", "tt", &l.films, &l.next.film}, {"people", "nm", &l.people, &l.next.person}} {
		err := store.BulkIMDbIDs(ctx, l.db, x.table, func(id int64, imdb string) {
			if n, ok := imdbNum([]byte(imdb), x.prefix); ok {
				x.ids.set(n, id)
			}
		})
		if err != nil {
			return err
		}
		if *x.next, err = store.BulkNextID(ctx, l.db, x.table); err != nil {
			return err
		}
	}
	l.filmSlugs, l.personSlugs = newSlugIndex(l.next.film), newSlugIndex(l.next.person)
	l.firstNew = l.next.film
	if err := l.loadStoredHashes(ctx); err != nil {
		return err
	}
	l.hash = l.stored.hasher()
	if l.w == nil {
		return nil
	}
	if err := l.filmSlugs.loadExisting(l.db, "films"); err != nil {
		return err
	}
	if err := l.personSlugs.loadExisting(l.db, "people"); err != nil {
		return err
	}
	l.adoptFilms, l.adoptPeople = map[string]int64{}, map[string]int64{}
	for table, m := range map[string]map[string]int64{"films": l.adoptFilms, "people": l.adoptPeople} {
		err := store.BulkSlugsWithoutIMDb(ctx, l.db, table, func(slug string, id int64) { m[slug] = id })
		if err != nil {
			return err
		}
	}
	return nil
}

// each runs fn on every record of t, counting rows, reporting progress,
// checking for cancellation, and sending malformed records to the tally.
func (l *imdbLoad) each(ctx context.Context, t *tsv, fn func(tl *tally) *RowError) error {
	tl := l.sum.tally(t.name, &l.opts.Options)
	rep := newReporter(l.opts.Progress, t.name, t.input)
	defer rep.send("done")
	for {
		ok, rowErr := t.next()
		if !ok {
			return nil
		}
		tl.read()
		rep.row()
		if rep.rows%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if rowErr == nil {
			rowErr = fn(tl)
			if l.werr != nil {
				return l.werr
			}
		}
		if rowErr != nil {
			if err := tl.bad(*rowErr); err != nil {
				return err
			}
		}
	}
}
