-- PostgreSQL has had this index since 0003_search.sql; the number is kept
-- so both engines carry the same migrations.
CREATE INDEX IF NOT EXISTS films_votes ON films (rating_votes DESC);
