-- PostgreSQL's page-cache change feed (its 0027). SQLite needs none: a
-- serve process reads the commit counter from the WAL's shared memory,
-- which costs no query either. Kept so both dialects carry the same
-- numbers.
SELECT 1;
