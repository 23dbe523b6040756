package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// Directives are schema changes a migration file asks for in a comment
// line, for what plain SQL cannot say on one engine:
//
//	-- marquee:drop-not-null TABLE.COLUMN
//
// On SQLite it removes the column's NOT NULL constraint and its DEFAULT
// by editing the table's definition in sqlite_master, the procedure
// SQLite documents for exactly these changes: no row is rewritten and no
// dependent table, index, trigger or view is touched (a rebuild of the
// table would, with foreign keys on, cascade deletes to every table
// referring to it). It is a no-op when the column already allows NULL.
// The directives run in the migration's transaction, before its SQL.
const directivePrefix = "-- marquee:"

var directiveRE = regexp.MustCompile(`(?m)^-- marquee:([a-z-]+) +(\S+)\s*$`)

// runDirectives applies m's directives on tx for engine.
func runDirectives(ctx context.Context, tx *sql.Tx, engine string, m Migration) error {
	if !strings.Contains(m.SQL, directivePrefix) {
		return nil
	}
	for _, d := range directiveRE.FindAllStringSubmatch(m.SQL, -1) {
		switch {
		case d[1] == "drop-not-null" && engine == "sqlite":
			table, col, ok := strings.Cut(d[2], ".")
			if !ok {
				return fmt.Errorf("directive %s %s: want TABLE.COLUMN", d[1], d[2])
			}
			if err := sqliteDropNotNull(ctx, tx, table, col); err != nil {
				return fmt.Errorf("directive %s %s: %w", d[1], d[2], err)
			}
		case d[1] == "drop-not-null":
			return fmt.Errorf("directive %s is for SQLite; on %s use ALTER TABLE", d[1], engine)
		default:
			return fmt.Errorf("unknown directive %q", d[1])
		}
	}
	return nil
}

// sqliteDropNotNull edits table's definition so that col allows NULL and
// has no default. The column's definition must read "col TYPE NOT NULL",
// optionally followed by "DEFAULT value"; anything else is refused
// rather than guessed at.
func sqliteDropNotNull(ctx context.Context, tx *sql.Tx, table, col string) error {
	notNull, err := sqliteNotNull(ctx, tx, table, col)
	if err != nil || !notNull {
		return err
	}
	var def string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $1`, table).Scan(&def); err != nil {
		return fmt.Errorf("read definition of %s: %w", table, err)
	}
	colRE, err := regexp.Compile(`(?i)([(,]\s*` + regexp.QuoteMeta(col) + `\s+)([A-Z]+)\s+NOT\s+NULL(\s+DEFAULT\s+[-'\w.]+)?(\s*[,)])`)
	if err != nil {
		return err
	}
	if n := len(colRE.FindAllStringIndex(def, -1)); n != 1 {
		return fmt.Errorf("%s.%s: found %d definitions of the form \"%s TYPE NOT NULL [DEFAULT v]\", want 1", table, col, n, col)
	}
	edited := colRE.ReplaceAllString(def, "${1}${2}${4}")
	var version int64
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	// Raising schema_version makes every connection, this one included,
	// read the edited definition before its next statement.
	for _, q := range []string{
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = '` + strings.ReplaceAll(edited, "'", "''") + `' WHERE type = 'table' AND name = '` + strings.ReplaceAll(table, "'", "''") + `'`,
		fmt.Sprintf(`PRAGMA schema_version = %d`, version+1),
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("edit definition of %s: %w", table, err)
		}
	}
	if still, err := sqliteNotNull(ctx, tx, table, col); err != nil || still {
		return firstErr(err, fmt.Errorf("%s.%s still NOT NULL after the edit", table, col))
	}
	return nil
}

// sqliteNotNull reports whether table.col is declared NOT NULL.
func sqliteNotNull(ctx context.Context, tx *sql.Tx, table, col string) (bool, error) {
	var notNull sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT "notnull" FROM pragma_table_info($1) WHERE name = $2`, table, col).Scan(&notNull)
	if err == sql.ErrNoRows {
		return false, fmt.Errorf("no column %s.%s", table, col)
	}
	return notNull.Int64 != 0, err
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
