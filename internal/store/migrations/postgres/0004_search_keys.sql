-- SQLite's migration 0004 renumbers its FTS5 index (search keys in the
-- rowid instead of a documents table). PostgreSQL searches the catalog
-- tables through expression indexes (0003) and has nothing to change; this
-- file keeps the two engines' migration numbers in step.
SELECT 1;
