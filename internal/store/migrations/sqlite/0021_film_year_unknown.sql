-- A film whose year is unknown keeps no year (NULL) rather than 0, so that
-- "no year" is never mistaken for a year.
--
-- SQLite cannot drop a NOT NULL constraint with ALTER TABLE. The usual
-- rebuild (create films_new, copy, drop films, rename) would, with
-- foreign keys on, fire ON DELETE CASCADE on the forty tables that point
-- at films, and it would have to recreate every index, trigger and view
-- on films. Removing NOT NULL and a DEFAULT is instead one of the changes
-- SQLite documents as safe to make by editing the table's definition in
-- sqlite_schema (https://www.sqlite.org/lang_altertable.html, "Making
-- Other Kinds Of Table Schema Changes"): no row is rewritten, nothing
-- dependent is touched. The directive below does that edit (see
-- internal/store/migrate_directives.go), in this migration's transaction.
--
-- marquee:drop-not-null films.year

UPDATE films SET year = NULL WHERE year = 0;
