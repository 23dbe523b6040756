-- Knowledge from the catalog's own facts (issue 16): themes as a
-- vocabulary with a strength per film, the sources of advisories, awards,
-- other sources' claims for facts, and answers computed at import or edit
-- time.

-- A theme's description, and how many films carry it (kept by the
-- knowledge refresh and the theme edits, for the index and the graph).
ALTER TABLE themes ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE themes ADD COLUMN film_count INTEGER NOT NULL DEFAULT 0;

-- origin: 'catalog' (the film's own tags, an import), 'editor' (set by
-- hand: rename, merge, split), 'derived' (the knowledge refresh, from
-- dossiers and MovieLens tags; replaced at every refresh).
ALTER TABLE film_themes ADD COLUMN strength REAL NOT NULL DEFAULT 0.9;
ALTER TABLE film_themes ADD COLUMN origin TEXT NOT NULL DEFAULT 'catalog';
ALTER TABLE film_themes ADD COLUMN evidence TEXT NOT NULL DEFAULT 'catalog';
CREATE INDEX film_themes_rank ON film_themes (theme_id, strength);

-- Every normalised spelling of a theme (knowledge.Key) maps to it, so
-- "the American Dream" and "American dream" land on one theme.
CREATE TABLE theme_aliases (
    key      TEXT    PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE
);
CREATE INDEX theme_aliases_theme ON theme_aliases (theme_id);

-- The slugs of merged themes, so their old addresses redirect.
CREATE TABLE theme_redirects (
    slug     TEXT    PRIMARY KEY,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE
);

-- Themes linked by the films they share, recomputed with the strengths.
CREATE TABLE theme_edges (
    a      INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    b      INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    shared INTEGER NOT NULL,
    PRIMARY KEY (a, b)
);

-- Where an advisory came from: 'import' (a catalog load) or 'editor'.
ALTER TABLE advisories ADD COLUMN source TEXT NOT NULL DEFAULT 'import';

-- Awards: a nomination or win at a ceremony for a film, a person, or a
-- person for a film. source is 'import', 'editor' or 'article:<film slug>'
-- (a fact proposed by an article's parse); source_ref names the file or
-- editor.
CREATE TABLE awards (
    id         INTEGER PRIMARY KEY,
    ceremony   TEXT    NOT NULL,
    year       INTEGER NOT NULL DEFAULT 0,
    category   TEXT    NOT NULL,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('won', 'nominated')),
    film_id    INTEGER REFERENCES films (id) ON DELETE CASCADE,
    person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
    source     TEXT    NOT NULL DEFAULT 'import',
    source_ref TEXT    NOT NULL DEFAULT '',
    CHECK (film_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE UNIQUE INDEX awards_key ON awards (ceremony, year, category, COALESCE(film_id, 0), COALESCE(person_id, 0));
CREATE INDEX awards_film ON awards (film_id);
CREATE INDEX awards_person ON awards (person_id);
CREATE INDEX awards_category ON awards (category, outcome);

-- Other sources' values for a fact the catalog holds once (a budget from
-- an article beside the box-office import's), shown side by side.
CREATE TABLE fact_claims (
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    field      TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    source_ref TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, field, source, source_ref)
);

-- A film's generated answers and derived advisories as JSON, computed by
-- the knowledge refresh; one row a film with any.
CREATE TABLE film_knowledge (
    film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL DEFAULT 0
);
