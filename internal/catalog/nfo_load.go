package catalog

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"marquee/internal/film"
	"marquee/internal/store"
)

// NFOSummary is the outcome of an NFO import. On a dry run Created and
// Matched say what would happen and Updated is not known.
type NFOSummary struct {
	Source        string         `json:"source"`
	Dir           string         `json:"dir"`
	DryRun        bool           `json:"dry_run"`
	NFOs          int            `json:"nfo_files"`
	Films         int            `json:"films_read"`
	Created       int            `json:"films_created"`
	Matched       int            `json:"films_matched"`
	Updated       int            `json:"films_updated"`
	PeopleCreated int            `json:"people_created"`
	CreditsAdded  int            `json:"credits_added"`
	Duplicates    []NFODuplicate `json:"duplicates"`
	Skipped       []SkippedFile  `json:"skipped"`
	Errors        int            `json:"errors"`
	RowErrors     []RowError     `json:"row_errors"`
	Images        ImageCounts    `json:"images"`
	NoPoster      []string       `json:"no_poster"` // NFO files whose film has no usable poster
	Notes         []string       `json:"notes"`     // parts of NFOs read but left out ("FILE: line N: …")

	PersonNFOs           int                       `json:"person_nfo_files"`      // person NFOs read
	PeopleMatched        int                       `json:"people_matched"`        // of them, filed against a catalog person
	Biographies          int                       `json:"biographies_stored"`    // biographies new or changed
	BiographiesUnchanged int                       `json:"biographies_unchanged"` // already stored as the file says
	PeopleUnmatched      []store.LibraryPersonMiss `json:"people_unmatched"`      // person NFOs not filed, with why
	Elapsed              time.Duration             `json:"elapsed_ns"`
}

// NFODuplicate is an NFO naming a film another NFO of the run named.
type NFODuplicate struct {
	File string `json:"file"`
	Of   string `json:"of"`
	Film string `json:"film"`
}

// SkippedFile is an input file left out, with why.
type SkippedFile struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// ImportNFO reads the Kodi, Jellyfin or Emby movie library under dir and
// files its films, people, credits, posters, backdrops and actor pictures
// in one transaction. An NFO that does not parse is reported by file,
// line and field, counts against --max-errors, and leaves the others to
// import; a picture that is not a valid image is refused and named, and
// the film imports without it. Films are matched to the catalog by IMDb
// id, then TMDb id, then title and year; a film whose ids differ from the
// NFO's is never matched.
func ImportNFO(ctx context.Context, st *store.Store, dir string, opts Options) (*NFOSummary, error) {
	start := time.Now()
	sum := &NFOSummary{Source: "nfo", Dir: dir, DryRun: opts.DryRun, Duplicates: []NFODuplicate{},
		Skipped: []SkippedFile{}, RowErrors: []RowError{}, NoPoster: []string{}, Notes: []string{}, Images: newImageCounts(),
		PeopleUnmatched: []store.LibraryPersonMiss{}}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("library %s: not a readable directory", dir)
	}
	entries, skips, err := scanLibrary(dir)
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", dir, err)
	}
	for _, s := range skips {
		sum.Skipped = append(sum.Skipped, SkippedFile{s.rel, s.reason})
	}
	sum.NFOs = len(entries) + len(skips)
	l := &nfoLoad{st: st, sum: sum, opts: opts, seen: map[string]string{}, pics: newPictureCache(), start: start}
	l.size = librarySize(entries)
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if err := l.entry(ctx, e); err != nil {
			sum.Elapsed = time.Since(start)
			return sum, err
		}
		l.done++
		l.progress()
	}
	if !opts.DryRun && (len(l.films) > 0 || len(l.people) > 0) {
		phase(opts.Progress, "write")
		res, err := st.ImportMediaLibrary(ctx, l.films, l.people)
		if err != nil {
			sum.Elapsed = time.Since(start)
			return sum, fmt.Errorf("nothing was imported: %w", err)
		}
		sum.Created, sum.Matched, sum.Updated = res.Created, res.Matched, res.Updated
		sum.PeopleCreated, sum.CreditsAdded = res.PeopleCreated, res.CreditsAdded
		sum.Images.add(res.Pictures)
		sum.PeopleMatched, sum.Biographies, sum.BiographiesUnchanged = res.PeopleMatched, res.Biographies, res.BiographiesUnchanged
		if res.PeopleUnmatched != nil {
			sum.PeopleUnmatched = res.PeopleUnmatched
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// nfoLoad is the state of one NFO import.
type nfoLoad struct {
	st     *store.Store
	sum    *NFOSummary
	opts   Options
	films  []store.LibraryFilm
	people []store.LibraryPerson
	seen   map[string]string // identity key → the NFO that claimed it
	pics   *pictureCache
	start  time.Time
	done   int64 // NFOs read
	bytes  int64 // bytes of NFOs and pictures read
	size   int64 // bytes of every NFO and candidate picture
}

// progress reports NFOs read as rows and the bytes of NFOs and pictures
// read against the library's total.
func (l *nfoLoad) progress() {
	if l.opts.Progress == nil {
		return
	}
	select {
	case l.opts.Progress <- Progress{File: "nfo", Phase: "load", Rows: l.done, Bytes: l.bytes, Size: l.size, Elapsed: time.Since(l.start)}:
	default:
	}
}

// librarySize is the bytes of the NFOs and the pictures beside them.
func librarySize(entries []nfoEntry) int64 {
	var n int64
	for _, e := range entries {
		for _, p := range append(append([]string{e.abs}, e.posters...), e.backdrops...) {
			if st, err := os.Stat(p); err == nil {
				n += st.Size()
			}
		}
	}
	return n
}

// bad records a broken NFO against the error budget.
func (l *nfoLoad) bad(e RowError) error {
	l.sum.Errors++
	if len(l.sum.RowErrors) < maxReported {
		l.sum.RowErrors = append(l.sum.RowErrors, e)
	}
	if l.sum.Errors > l.opts.maxErrors() {
		return fmt.Errorf("%w: %d, more than --max-errors %d (last: %v); nothing was imported", ErrTooManyErrors, l.sum.Errors, l.opts.maxErrors(), e)
	}
	return nil
}

func (l *nfoLoad) entry(ctx context.Context, e nfoEntry) error {
	data, err := readLimited(e.abs, maxNFOBytes)
	l.bytes += int64(len(data))
	if err != nil {
		return l.bad(RowError{File: e.rel, Line: 1, Reason: err.Error()})
	}
	n, err := ParseNFO(data)
	if err != nil {
		var ne *NFOError
		if errors.As(err, &ne) {
			return l.bad(RowError{File: e.rel, Line: ne.Line, Field: ne.Field, Reason: ne.Reason})
		}
		return l.bad(RowError{File: e.rel, Line: 1, Reason: err.Error()})
	}
	for _, note := range n.Notes {
		l.sum.Notes = append(l.sum.Notes, e.rel+": "+note)
	}
	if n.Person != nil {
		return l.person(n.Person, e)
	}
	if n.Root != "movie" {
		l.sum.Skipped = append(l.sum.Skipped, SkippedFile{e.rel, "not a movie NFO (<" + n.Root + ">)"})
		return nil
	}
	f, ferr := nfoFilm(n, e)
	if ferr != nil {
		return l.bad(RowError{File: e.rel, Line: ferr.Line, Field: ferr.Field, Reason: ferr.Reason})
	}
	match, err := l.match(ctx, f)
	if err != nil {
		return err
	}
	if match == "" && f.Title == "" {
		return l.bad(RowError{File: e.rel, Line: 1, Reason: "a URL-only NFO naming " + idText(f) +
			", which is not in the catalog, in a folder not named \"Title (Year)\""})
	}
	if of, dup := l.claim(f, match, e.rel); dup {
		l.sum.Duplicates = append(l.sum.Duplicates, NFODuplicate{File: e.rel, Of: of, Film: f.Title})
		return nil
	}
	l.sum.Films++
	if match != "" {
		f.Slug = ""
		if l.opts.DryRun {
			l.sum.Matched++
		}
	} else if l.opts.DryRun {
		l.sum.Created++
	}
	lf := store.LibraryFilm{Film: f, MatchSlug: match}
	lf.People, lf.Credits = nfoPeople(n)
	lf.Pictures = l.filmPictures(e)
	for _, a := range n.Actors {
		if p := actorImage(e.dir, a.Name); p != "" {
			if img := l.pics.get(l, p, e); img != nil {
				lf.Pictures = append(lf.Pictures, store.Picture{PersonSlug: film.PersonSlug(a.Name), Image: img, Source: relSlash(l.sum.Dir, p)})
			}
		}
	}
	l.films = append(l.films, lf)
	return nil
}

func (l *nfoLoad) filmPictures(e nfoEntry) []store.Picture {
	var pics []store.Picture
	for _, kind := range []string{store.KindPoster, store.KindBackdrop} {
		cands := e.posters
		if kind == store.KindBackdrop {
			cands = e.backdrops
		}
		found := false
		for _, p := range cands {
			if img := l.pics.get(l, p, e); img != nil {
				pics = append(pics, store.Picture{Kind: kind, Image: img, Source: relSlash(l.sum.Dir, p)})
				found = true
				break
			}
		}
		if kind == store.KindPoster && !found {
			l.sum.NoPoster = append(l.sum.NoPoster, e.rel)
		}
	}
	return pics
}

func idText(f film.Film) string {
	if f.IDs.IMDb != "" {
		return f.IDs.IMDb
	}
	return "TMDb " + strconv.FormatInt(f.IDs.TMDB, 10)
}

func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, more than the %d allowed", st.Size(), limit)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	return data, nil
}
