// Command baseline is the yardstick for Marquee's IMDb import: a minimal
// loader that inserts the rows of IMDb-format files into plain tables
// shaped like the files, with prepared 64-row INSERTs in one transaction
// per table, then builds B-tree indexes comparable to Marquee's and runs
// ANALYZE — the practical limit of the engine on this machine. It runs on
// either SQLite driver so the two can be compared on the same files; it is
// a separate program so modernc.org/sqlite never enters the marquee binary.
//
//	go run ./bench/baseline -driver mattn|modernc -db out.db DIR
package main

import (
	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"
	_ "modernc.org/sqlite"
)

// table is one dataset file and the plain table it goes into.
type table struct {
	file, name string
	cols       []string
}

var tables = []table{
	{"name.basics.tsv", "names", []string{"nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"}},
	{"title.basics.tsv", "titles", []string{"tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear", "runtimeMinutes", "genres"}},
	{"title.principals.tsv", "principals", []string{"tconst", "ordering", "nconst", "category", "job", "characters"}},
	{"title.ratings.tsv", "ratings", []string{"tconst", "averageRating", "numVotes"}},
	{"title.crew.tsv", "crew", []string{"tconst", "directors", "writers"}},
}

// indexes mirror what Marquee builds: unique ids, slugs/names, years,
// the credit key and the person side of credits.
var indexes = []string{
	"CREATE UNIQUE INDEX titles_tconst ON titles (tconst)",
	"CREATE INDEX titles_title ON titles (primaryTitle)",
	"CREATE INDEX titles_year ON titles (startYear)",
	"CREATE UNIQUE INDEX names_nconst ON names (nconst)",
	"CREATE INDEX names_name ON names (primaryName)",
	"CREATE UNIQUE INDEX principals_key ON principals (tconst, nconst, category, characters)",
	"CREATE INDEX principals_nconst ON principals (nconst)",
	"CREATE UNIQUE INDEX ratings_tconst ON ratings (tconst)",
	"CREATE UNIQUE INDEX crew_tconst ON crew (tconst)",
}

const perInsert = 64

func main() {
	driver := flag.String("driver", "mattn", "SQLite driver: mattn (github.com/mattn/go-sqlite3, cgo) or modernc (modernc.org/sqlite, pure Go)")
	dbPath := flag.String("db", "baseline.db", "database file to create (must not exist)")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: baseline -driver mattn|modernc -db FILE DIR")
	}
	name, dsn := "sqlite3", "file:"+*dbPath+"?_journal_mode=WAL&_synchronous=NORMAL"
	if *driver == "modernc" {
		name, dsn = "sqlite", "file:"+*dbPath+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	if _, err := os.Stat(*dbPath); err == nil {
		log.Fatalf("%s exists; the baseline loads into a fresh file", *dbPath)
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	must(exec(db, "PRAGMA cache_size = -65536"))
	start := time.Now()
	var rows int64
	for _, t := range tables {
		n, err := load(db, flag.Arg(0), t)
		if err != nil {
			log.Fatalf("%s: %v", t.file, err)
		}
		rows += n
	}
	loaded := time.Since(start)
	must(exec(db, "PRAGMA cache_size = -8192"))
	must(exec(db, "PRAGMA threads = 2"))
	for _, ix := range indexes {
		must(exec(db, ix))
	}
	must(exec(db, "PRAGMA analysis_limit = 2000"))
	must(exec(db, "ANALYZE"))
	must(db.Close())
	total := time.Since(start)
	fmt.Printf("driver=%s rows=%d load_s=%.1f total_s=%.1f rows_per_s=%.0f\n", *driver, rows, loaded.Seconds(), total.Seconds(), float64(rows)/total.Seconds())
}

func exec(db *sql.DB, q string) error {
	_, err := db.Exec(q)
	return err
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// load copies one file into its table in one transaction.
func load(db *sql.DB, dir string, t table) (int64, error) {
	f, err := os.Open(filepath.Join(dir, t.file))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := exec(db, "CREATE TABLE "+t.name+" ("+strings.Join(t.cols, " TEXT, ")+" TEXT)"); err != nil {
		return 0, err
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.cols)), ",") + ")"
	head := "INSERT INTO " + t.name + " VALUES "
	tx, err := db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	multi, err := tx.Prepare(head + strings.TrimSuffix(strings.Repeat(row+",", perInsert), ","))
	if err != nil {
		return 0, err
	}
	single, err := tx.Prepare(head + row)
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	sc.Scan() // header
	args := make([]any, 0, perInsert*len(t.cols))
	var n int64
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != len(t.cols) {
			continue
		}
		for _, v := range fields {
			if v == `\N` {
				args = append(args, nil)
			} else {
				args = append(args, v)
			}
		}
		n++
		if len(args) == cap(args) {
			if _, err := multi.Exec(args...); err != nil {
				return n, err
			}
			args = args[:0]
		}
	}
	for i := 0; i < len(args); i += len(t.cols) {
		if _, err := single.Exec(args[i : i+len(t.cols)]...); err != nil {
			return n, err
		}
	}
	if err := sc.Err(); err != nil {
		return n, err
	}
	return n, tx.Commit()
}
