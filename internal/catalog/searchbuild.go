package catalog

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-sqlite3"

	"marquee/internal/search"
)

// searchBuild builds the search index of an IMDb import into an empty
// SQLite catalog while the catalog loads: on the second core, in a
// database file of its own (so it has a writer of its own), fed the
// documents as the loader parses them. Before the commit, the import
// copies the finished FTS5 index into the catalog (search.AdoptSQL) — a
// few hundred megabytes of pages instead of a 6.7 M-document rebuild
// after the load. If anything does not add up (a count differs from the
// catalog's), the import rebuilds the index the ordinary way instead.
//
// FTS5 takes documents fastest in rowid (search key) order, and flushes a
// segment whenever the order breaks. Films and people are staged in
// tables and inserted sorted once their keys are known (films after the
// titles and alternative titles, people after the credits are counted);
// characters, the bulk, are sorted in chunks as they stream, one segment
// per chunk. A final merge leaves one segment.
type searchBuild struct {
	path string
	b    *bulkConn

	films, akas, people, fts *inserter

	chunk      []charDoc
	chunks     chan []charDoc // to feed, in a goroutine of their own
	fed        chan error     // the feeder's result, when chunks closes
	counts     []int32        // credits per person id
	filmsDone  bool
	nFilms     int64
	nPeople    int64
	nChars     int64
	lastFilm   int64
	filmCreds  []filmCredit // credits of lastFilm, to count each once
	failedOpen error
}

type charDoc struct {
	key  int64
	name string
}

type filmCredit struct {
	person int64
	role   string
	char   string
}

// charChunk is how many characters are sorted together: about 25 MB.
const charChunk = 1 << 19

// searchBuildPath is where the build database lives while an import runs:
// next to the catalog, so the copy stays on one file system. A build left
// by a killed import is removed by the next one.
func searchBuildPath(dbPath string) string { return dbPath + "-searchbuild" }

func removeSearchBuild(path string) {
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
}

// openSearchBuild creates the build database with an FTS5 table made by
// ftsSQL (the catalog's own CREATE statement) and the staging tables.
func openSearchBuild(path, ftsSQL string) (*searchBuild, error) {
	removeSearchBuild(path)
	sb := &searchBuild{path: path}
	drv := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := c.RegisterFunc("search_key", search.Key, true); err != nil {
			return err
		}
		// Credits per person, counted as the loader wrote them.
		return c.RegisterFunc("person_credits", func(id int64) int64 {
			if id < 0 || id >= int64(len(sb.counts)) {
				return 0
			}
			return int64(sb.counts[id])
		}, false)
	}}
	q := url.Values{}
	q.Set("_journal_mode", "OFF") // a scratch file: a failed build is thrown away
	q.Set("_synchronous", "OFF")
	q.Set("_busy_timeout", "30000")
	dc, err := drv.Open("file:" + path + "?" + q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open search build %s: %w", path, err)
	}
	sb.b = newBulkSQLite(dc.(*sqlite3.SQLiteConn))
	steps := []string{
		"PRAGMA cache_size = -16384; PRAGMA temp_store = FILE",
		ftsSQL,
		// Flush every 32 MiB of pending index, and merge once at the end
		// rather than as segments accumulate.
		"INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432)",
		"INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)",
		"CREATE TABLE films_s (id INTEGER PRIMARY KEY, votes INTEGER, title TEXT, orig TEXT, year INTEGER)",
		"CREATE TABLE akas_s (film_id INTEGER, ordering INTEGER, title TEXT, PRIMARY KEY (film_id, ordering)) WITHOUT ROWID",
		"CREATE TABLE people_s (id INTEGER PRIMARY KEY, name TEXT)",
	}
	for _, s := range steps {
		if err := sb.b.exec(s); err != nil {
			sb.abort()
			return nil, fmt.Errorf("search build: %w", err)
		}
	}
	ins := []struct {
		p          **inserter
		head, tail string
		cols       int
	}{
		{&sb.films, "INSERT INTO films_s (id, votes, title, orig, year)", "ON CONFLICT (id) DO NOTHING", 5},
		{&sb.akas, "INSERT INTO akas_s (film_id, ordering, title)", "ON CONFLICT (film_id, ordering) DO UPDATE SET title = excluded.title", 3},
		{&sb.people, "INSERT INTO people_s (id, name)", "ON CONFLICT (id) DO NOTHING", 2},
		{&sb.fts, "INSERT INTO search_fts (rowid, name, alt, body, tag)", "", 5},
	}
	for _, x := range ins {
		if *x.p, err = sb.b.inserter(x.head, x.cols, x.tail); err != nil {
			sb.abort()
			return nil, fmt.Errorf("search build: %w", err)
		}
	}
	sb.chunks, sb.fed = make(chan []charDoc, 1), make(chan error, 1)
	go sb.feed()
	return sb, nil
}

// feed sorts each chunk of characters and writes it in key order. It runs
// apart from the loader, so the loader only waits when two chunks are
// pending: the build takes what the second core has to spare.
func (sb *searchBuild) feed() {
	var err error
	for chunk := range sb.chunks {
		if err != nil {
			continue
		}
		slices.SortFunc(chunk, func(a, b charDoc) int { return cmp.Compare(a.key, b.key) })
		for _, d := range chunk {
			if err = sb.fts.add(d.key, d.name, "", "", ""); err != nil {
				break
			}
		}
		if err == nil {
			err = sb.fts.flush()
		}
	}
	sb.fed <- err
}

// The loader's calls. All are no-ops on a nil build (no fast path) and
// never wait for the build's writer.

func (sb *searchBuild) film(id, votes int64, title, orig string, year int64) error {
	if sb == nil {
		return nil
	}
	sb.nFilms++
	return sb.films.add(id, votes, title, orig, year)
}

func (sb *searchBuild) aka(filmID, ordering int64, title string) error {
	if sb == nil {
		return nil
	}
	return sb.akas.add(filmID, ordering, title)
}

func (sb *searchBuild) person(id int64, name string) error {
	if sb == nil {
		return nil
	}
	sb.nPeople++
	return sb.people.add(id, name)
}

// credit counts a credit the loader wrote, once per film, person, role
// and character, as the credits table's key does (principals come sorted
// by title, so remembering one film's credits is enough; for input that is
// not, the count check before adoption falls back to a rebuild).
func (sb *searchBuild) credit(filmID, personID int64, role, char string) {
	if sb == nil {
		return
	}
	if filmID != sb.lastFilm {
		sb.lastFilm, sb.filmCreds = filmID, sb.filmCreds[:0]
	}
	c := filmCredit{personID, role, char}
	if slices.Contains(sb.filmCreds, c) {
		return
	}
	sb.filmCreds = append(sb.filmCreds, c)
	if personID >= int64(len(sb.counts)) {
		sb.counts = slices.Grow(sb.counts, int(personID)+1-len(sb.counts))[:personID+1]
	}
	sb.counts[personID]++
}

func (sb *searchBuild) character(id, filmVotes int64, name string) error {
	if sb == nil {
		return nil
	}
	sb.nChars++
	if sb.chunk == nil {
		sb.chunk = make([]charDoc, 0, charChunk)
	}
	sb.chunk = append(sb.chunk, charDoc{search.Key(search.CharacterPop(filmVotes), search.KeyCharacter, id), name})
	if len(sb.chunk) == charChunk {
		sb.chunks <- sb.chunk
		sb.chunk = nil
	}
	return sb.b.failed()
}

// charsLoaded feeds the last chunk of characters and waits for the feeder.
func (sb *searchBuild) charsLoaded() error {
	if sb.chunks == nil {
		return nil
	}
	if len(sb.chunk) > 0 {
		sb.chunks <- sb.chunk
		sb.chunk = nil
	}
	close(sb.chunks)
	sb.chunks = nil
	return <-sb.fed
}

// filmsLoaded indexes the films, once titles and alternative titles are
// in: their documents as migration 0004 writes them.
func (sb *searchBuild) filmsLoaded() error {
	if sb == nil || sb.filmsDone {
		return nil
	}
	sb.filmsDone = true
	if err := firstErr(sb.films.flush(), sb.akas.flush(), sb.fts.flush()); err != nil {
		return err
	}
	return sb.b.async(func() error {
		return sb.b.execNow(`INSERT INTO search_fts (rowid, name, alt, body, tag)
			SELECT search_key(f.votes, 1, f.id), f.title,
				trim(f.orig || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM akas_s a WHERE a.film_id = f.id), '')),
				'', CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END
			FROM films_s f ORDER BY 1`)
	})
}

// loaded queues the rest once every file is read: the last characters,
// the people (their credits are counted now), and the final merge.
func (sb *searchBuild) loaded() error {
	if sb == nil {
		return nil
	}
	if err := sb.filmsLoaded(); err != nil {
		return err
	}
	if err := firstErr(sb.charsLoaded(), sb.people.flush()); err != nil {
		return err
	}
	return sb.b.async(func() error {
		for _, s := range []string{
			`INSERT INTO search_fts (rowid, name, alt, body, tag)
			SELECT search_key(person_credits(id) * 200, 2, id), name, '', '', '' FROM people_s ORDER BY 1`,
			`INSERT INTO search_fts (search_fts) VALUES ('optimize')`,
		} {
			if err := sb.b.execNow(s); err != nil {
				return err
			}
		}
		return nil
	})
}

// finish waits for the build and returns its error.
func (sb *searchBuild) finish() error {
	err := sb.b.wait()
	for _, in := range []*inserter{sb.films, sb.akas, sb.people, sb.fts} {
		if in != nil {
			in.multi.Close()
			in.single.Close()
		}
	}
	sb.films, sb.akas, sb.people, sb.fts = nil, nil, nil, nil
	return err
}

// abort closes the build database and removes it.
func (sb *searchBuild) abort() {
	if sb == nil {
		return
	}
	_ = sb.charsLoaded()
	_ = sb.b.Close()
	removeSearchBuild(sb.path)
}

// check compares the documents built with the catalog as loaded, counted
// by main (the import's connection): any difference means the build saw
// rows the catalog did not keep, or the reverse.
func (sb *searchBuild) check(main *bulkConn) error {
	var credits int64
	for _, n := range sb.counts {
		credits += int64(n)
	}
	for _, c := range []struct {
		what  string
		query string
		want  int64
	}{
		{"films", "SELECT COUNT(*) FROM films", sb.nFilms},
		{"people", "SELECT COUNT(*) FROM people", sb.nPeople},
		{"characters", "SELECT COUNT(*) FROM characters", sb.nChars},
		{"credits", "SELECT COUNT(*) FROM credits", credits},
	} {
		got, err := main.queryInt(c.query)
		if err != nil {
			return err
		}
		if got != c.want {
			return fmt.Errorf("%w: %s: catalog %d, search build %d", errBuildMismatch, c.what, got, c.want)
		}
	}
	return nil
}

var errBuildMismatch = errors.New("search build does not match the catalog")

// attachName is the schema name of the build database in the import's
// connection.
const attachName = "searchbuild"

func attachSQL(path string) string {
	return "ATTACH DATABASE '" + strings.ReplaceAll(path, "'", "''") + "' AS " + attachName
}
