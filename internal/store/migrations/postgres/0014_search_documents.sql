-- SQLite's 0014 gathers its search documents and key formula into one
-- view for its triggers. PostgreSQL keeps its search in expression
-- indexes on the catalog tables (0003), which it maintains itself; the
-- number is kept so both engines carry the same migrations.
SELECT 1;
