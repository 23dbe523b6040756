package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"

	"github.com/mattn/go-sqlite3"
)

// ErrUsePgDump is returned by Backup and Restore on PostgreSQL, whose own
// tools do the job better than Marquee could.
var ErrUsePgDump = errors.New("the PostgreSQL store is backed up with pg_dump and restored with pg_restore " +
	"(pg_dump --format=custom --file=FILE \"$MARQUEE_DB\"; pg_restore --clean --if-exists --dbname=\"$MARQUEE_DB\" FILE); see docs/deploy/README.md")

// Backup writes a consistent snapshot of the embedded database to path,
// which must not exist. It uses SQLite's online backup API in one step
// under a read transaction, so serve can keep writing meanwhile (WAL lets
// the writer proceed; the snapshot is the state when the step began). The
// copy is checked with PRAGMA integrity_check before it gets its name.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.pg != nil {
		return ErrUsePgDump
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file", path)
	}
	tmp := path + ".partial"
	os.Remove(tmp)
	dst, err := sql.Open("sqlite3", "file:"+tmp)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	err = copyDatabase(ctx, dst, s.read)
	if err == nil {
		err = integrityCheck(ctx, dst)
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// Restore replaces the embedded database's contents with the backup at
// path, after checking the backup's integrity and schema version. The
// backup API copies under the writer's lock, so other connections (a
// running serve included) see either the old database or the restored
// one, never a mix; their next query reads the restored data. Pending
// migrations are applied afterwards if the backup is older.
func (s *Store) Restore(ctx context.Context, path string) error {
	if s.pg != nil {
		return ErrUsePgDump
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	src, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer src.Close()
	if err := integrityCheck(ctx, src); err != nil {
		return fmt.Errorf("restore from %s: %w", path, err)
	}
	var version sql.NullInt64
	if err := src.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&version); err != nil {
		return fmt.Errorf("restore from %s: not a Marquee database: %w", path, err)
	}
	ms, err := Migrations("sqlite")
	if err != nil {
		return err
	}
	if latest := ms[len(ms)-1].Version; int(version.Int64) > latest {
		return fmt.Errorf("restore from %s: the backup has schema version %d, newer than this marquee's %d", path, version.Int64, latest)
	}
	if err := copyDatabase(ctx, s.write, src); err != nil {
		return fmt.Errorf("restore from %s: %w", path, err)
	}
	return s.migrate(ctx, math.MaxInt)
}

// copyDatabase copies the main database of src over that of dst with the
// online backup API, in a single step.
func copyDatabase(ctx context.Context, dst, src *sql.DB) error {
	dconn, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dconn.Close()
	sconn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sconn.Close()
	return dconn.Raw(func(d any) error {
		return sconn.Raw(func(s any) error {
			dc, ok1 := d.(*sqlite3.SQLiteConn)
			sc, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("backup needs SQLite connections")
			}
			b, err := dc.Backup("main", sc, "main")
			if err != nil {
				return err
			}
			done, err := b.Step(-1)
			if ferr := b.Finish(); err == nil {
				err = ferr
			}
			if err == nil && !done {
				err = errors.New("backup did not complete")
			}
			return err
		})
	})
}

func integrityCheck(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check failed: %s", res)
	}
	return nil
}
