-- Search on PostgreSQL: GIN indexes over tsvector expressions (the
-- 'simple' configuration over case- and accent-folded text, so that names
-- are not stemmed) and pg_trgm indexes on names for typo tolerance. They
-- are expression indexes on the catalog tables themselves, so PostgreSQL
-- keeps them in step with every write; an import that drops and rebuilds
-- secondary indexes rebuilds these too. internal/search holds the queries.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); naming the
-- dictionary makes the wrapper safe to declare IMMUTABLE for indexes.
CREATE OR REPLACE FUNCTION marquee_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

CREATE INDEX films_search ON films USING GIN (to_tsvector('simple', marquee_fold(title || ' ' || original_title)));
CREATE INDEX films_title_trgm ON films USING GIN (marquee_fold(title) gin_trgm_ops);
CREATE INDEX films_votes ON films (rating_votes DESC);
CREATE INDEX alt_titles_search ON alt_titles USING GIN (to_tsvector('simple', marquee_fold(title)));
CREATE INDEX people_search ON people USING GIN (to_tsvector('simple', marquee_fold(name)));
CREATE INDEX people_name_trgm ON people USING GIN (marquee_fold(name) gin_trgm_ops);
CREATE INDEX characters_search ON characters USING GIN (to_tsvector('simple', marquee_fold(name)));
CREATE INDEX themes_search ON themes USING GIN (to_tsvector('simple', marquee_fold(name)));
CREATE INDEX dossier_sections_search ON dossier_sections USING GIN (to_tsvector('simple', marquee_fold(heading || ' ' || text)));
