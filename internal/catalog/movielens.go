package catalog

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"marquee/internal/store"
)

// MovieLens files, in load order, with the columns each must have; the
// layouts of each are in mlFormsOf.
var movieLensFiles = []struct {
	kind string
	cols []string
	load func(l *mlLoad, ctx context.Context, c *csvFile) error
}{
	{"links", []string{"movieId", "imdbId", "tmdbId"}, (*mlLoad).links},
	{"movies", []string{"movieId", "title", "genres"}, (*mlLoad).movies},
	{"ratings", []string{"userId", "movieId", "rating", "timestamp"}, (*mlLoad).ratings},
	{"tags", []string{"userId", "movieId", "tag", "timestamp"}, (*mlLoad).tags},
}

// mlLoad is the state of one MovieLens import.
type mlLoad struct {
	opts   Options
	sum    *Summary
	db     *bulkConn
	w      *bulkConn // nil on a dry run
	match  matcher
	linkOf map[int64]mlLink // movieId → ids from links.csv
	linked map[int64]bool   // movieIds of links.csv that movies.csv wrote
	films  map[int64]int64  // movieId → film id
	owner  map[int64]int64  // film id → the movieId that holds it
	// held are the films and links of movies an earlier import wrote:
	// ratings and tags of other films are new rows, and a link equal to
	// the one kept is unchanged.
	held      map[int64]bool
	heldLinks map[int64]mlLink
	// indexed says the load changed what the search index holds: it
	// created a film or gave one alternative titles.
	indexed bool
	now     int64
}

type mlLink struct {
	imdb string // "tt0114709"
	tmdb int64
}

// ImportMovieLens loads a MovieLens directory (movies.csv, ratings.csv,
// tags.csv, links.csv; whichever are present) into st, which must be
// SQLite. Movies are matched to catalog films by IMDb id through
// links.csv, else by title and year, else created; so a MovieLens import
// joins an IMDb import made before or after it. Ratings are kept per user
// in user_ratings (source "movielens", MovieLens's 0.5–5 scale) and
// aggregated per movie in movielens_movies. Like every bulk import it
// writes in one transaction.
func ImportMovieLens(ctx context.Context, st *store.Store, dir string, opts Options) (*Summary, error) {
	start := time.Now()
	sum := newSummary("movielens", opts)
	src, err := findMovieLens(dir)
	if err != nil {
		return sum, err
	}
	defer src.Close()
	if note := mlLeftOutNote(mlLeftOut(src)); note != "" {
		sum.Notes = append(sum.Notes, note)
	}
	has := map[string]bool{}
	for _, f := range movieLensFiles { // check every header before writing
		c, err := openML(src, mlFormsOf[f.kind], f.cols)
		if err != nil {
			return sum, err
		}
		if c != nil {
			c.Close()
			has[f.kind] = true
		}
	}
	// Only the tables the files fill have their indexes dropped and
	// rebuilt: a movies file alone leaves the ratings' alone.
	var bulkTables []string
	for kind, table := range map[string]string{"ratings": "user_ratings", "tags": "movielens_tags"} {
		if has[kind] {
			bulkTables = append(bulkTables, table)
		}
	}
	slices.Sort(bulkTables)
	db, err := openBulk(ctx, st)
	if err != nil {
		return sum, err
	}
	defer db.Close()
	l := &mlLoad{opts: opts, sum: sum, db: db, match: matcher{db: db, review: opts.Review}, linkOf: map[int64]mlLink{},
		linked: map[int64]bool{}, films: map[int64]int64{}, owner: map[int64]int64{}, now: start.Unix()}
	if !opts.DryRun {
		l.w = db
	}
	l.held, l.heldLinks = map[int64]bool{}, map[int64]mlLink{}
	err = store.BulkMovieLensHeld(ctx, db, func(movie, film int64, imdb string, tmdb int64) {
		l.films[movie] = film
		l.owner[film] = movie
		l.held[film] = true
		l.heldLinks[movie] = mlLink{imdb: imdb, tmdb: tmdb}
	})
	if err != nil {
		return sum, err
	}
	// Only the movies file writes what the search index holds (titles,
	// alternative titles, new films); ratings, tags and links do not.
	err = runImport(ctx, st, db, opts, importRun{source: "movielens", input: dir,
		tables: bulkTables, search: has["movies"], searchChanged: func() bool { return l.indexed }, afterIndex: l.aggregate,
		analyze: []string{"films", "alt_titles", "film_genres", "movielens_movies", "user_ratings", "movielens_tags"},
		load: func(ctx context.Context) error {
			for _, f := range movieLensFiles {
				c, err := openML(src, mlFormsOf[f.kind], f.cols)
				if err != nil {
					return err
				}
				if c == nil {
					continue
				}
				err = f.load(l, ctx, c)
				c.Close()
				if err != nil {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			l.countLinks()
			return nil
		}})
	sum.finish(start, err)
	return sum, err
}

// each runs fn on every record of c, as imdbLoad.each does for TSV.
func (l *mlLoad) each(ctx context.Context, c *csvFile, fn func(tl *tally) (*RowError, error)) error {
	tl := l.sum.tally(c.name, &l.opts)
	rep := newReporter(l.opts.Progress, c.name, c.input)
	defer rep.send("done")
	for {
		ok, rowErr, err := c.next()
		if err != nil || !ok {
			return err
		}
		tl.read()
		rep.row()
		if rep.rows%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if rowErr == nil {
			if rowErr, err = fn(tl); err != nil {
				return err
			}
		}
		if rowErr != nil {
			if err := tl.bad(*rowErr); err != nil {
				return err
			}
		}
	}
}

func (l *mlLoad) links(ctx context.Context, c *csvFile) error {
	return l.each(ctx, c, func(tl *tally) (*RowError, error) {
		id, err := strconv.ParseInt(c.get("movieId"), 10, 64)
		if err != nil {
			return c.fieldErr("movieId", "bad number: "+strconv.Quote(c.get("movieId"))), nil
		}
		var link mlLink
		// A links.csv that went through a dataframe has "862.0" where a
		// column had gaps; some derived files write "tt0114709".
		if s := strings.TrimSuffix(strings.TrimPrefix(c.get("imdbId"), "tt"), ".0"); s != "" {
			n, err := strconv.ParseUint(s, 10, 32)
			if err != nil || n == 0 || n > maxIMDbNum {
				return c.fieldErr("imdbId", "bad IMDb number: "+strconv.Quote(s)), nil
			}
			link.imdb = imdbID("tt", uint32(n))
		}
		if s := strings.TrimSuffix(c.get("tmdbId"), ".0"); s != "" {
			if link.tmdb, err = strconv.ParseInt(s, 10, 64); err != nil {
				return c.fieldErr("tmdbId", "bad number: "+strconv.Quote(s)), nil
			}
		}
		l.linkOf[id] = link
		return nil, nil
	})
}

// countLinks counts links.csv once movies.csv has run: a link is
// imported when its movie was written with its ids (unchanged when an
// earlier import wrote the same ids, updated when other ones), else it
// matched nothing.
func (l *mlLoad) countLinks() {
	fs := l.sum.file("links.csv")
	if fs.Read == 0 {
		return
	}
	tl := &tally{sum: l.sum, fs: fs, opts: &l.opts}
	for movie := range l.linkOf {
		if l.linked[movie] {
			switch old, ok := l.heldLinks[movie]; {
			case !ok:
				tl.imported()
			case old == l.linkOf[movie]:
				tl.unchanged()
			default:
				tl.wrote(true)
			}
		} else {
			tl.matchedNothing("movie not in movies.csv")
		}
	}
}

// mlTitle splits MovieLens's "City of Lost Children, The (Cité des
// enfants perdus, La) (1995)" into the title "The City of Lost Children",
// the year 1995 (0 when there is none) and the alternative titles in
// parentheses ("La Cité des enfants perdus"; "a.k.a." dropped).
var mlYear = regexp.MustCompile(`^(.*?)\s*\((\d{4})(?:[–-]\d{0,4})?\)\s*$`)

func mlTitle(s string) (string, int, []string) {
	s = strings.TrimSpace(s)
	year := 0
	if m := mlYear.FindStringSubmatch(s); m != nil {
		s = m[1]
		year, _ = strconv.Atoi(m[2])
	}
	var alts []string
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndex(s, " (")
		if i <= 0 {
			break
		}
		alt := strings.TrimSpace(s[i+2 : len(s)-1])
		alt = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(alt, "a.k.a. "), "a.k.a "))
		if alt != "" {
			alts = append([]string{mlArticle(alt)}, alts...)
		}
		s = strings.TrimSpace(s[:i])
	}
	return mlArticle(s), year, alts
}

// mlArticle moves a trailing article back to the front: "Cité des enfants
// perdus, La" is "La Cité des enfants perdus".
func mlArticle(s string) string {
	for _, art := range []string{"The", "A", "An", "Les", "La", "Le", "L'", "Il", "El", "Das", "Der", "Die"} {
		if strings.HasSuffix(s, ", "+art) {
			s = art + " " + strings.TrimSuffix(s, ", "+art)
			return strings.Replace(s, "L' ", "L'", 1)
		}
	}
	return s
}
