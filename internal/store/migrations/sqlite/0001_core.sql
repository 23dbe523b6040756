-- Core catalog: films, people, credits, characters and the facts around
-- them; dossiers with their revisions; the community tables' first shape.
-- Unique and secondary indexes are separate statements (not inline
-- constraints) so bulk importers can drop and rebuild them.

CREATE TABLE films (
    id             INTEGER PRIMARY KEY,
    slug           TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    original_title TEXT    NOT NULL DEFAULT '',
    year           INTEGER NOT NULL DEFAULT 0,
    release_date   TEXT    NOT NULL DEFAULT '',
    runtime_min    INTEGER NOT NULL DEFAULT 0,
    certification  TEXT    NOT NULL DEFAULT '',
    logline        TEXT    NOT NULL DEFAULT '',
    setting_place  TEXT    NOT NULL DEFAULT '',
    setting_period TEXT    NOT NULL DEFAULT '',
    title_type     TEXT    NOT NULL DEFAULT 'movie',
    countries      TEXT    NOT NULL DEFAULT '',
    languages      TEXT    NOT NULL DEFAULT '',
    imdb_id        TEXT,
    wikidata_id    TEXT,
    tmdb_id        INTEGER,
    rating_avg     REAL    NOT NULL DEFAULT 0,
    rating_votes   INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL DEFAULT 0,
    updated_at     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX films_slug ON films (slug);
CREATE UNIQUE INDEX films_imdb ON films (imdb_id);
CREATE INDEX films_year ON films (year);

CREATE TABLE film_genres (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    genre   TEXT    NOT NULL,
    PRIMARY KEY (film_id, genre)
);
CREATE INDEX film_genres_genre ON film_genres (genre);

CREATE TABLE alt_titles (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    ordering INTEGER NOT NULL DEFAULT 0,
    title    TEXT    NOT NULL,
    region   TEXT    NOT NULL DEFAULT '',
    language TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, ordering)
);

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    birth_year   INTEGER NOT NULL DEFAULT 0,
    death_year   INTEGER NOT NULL DEFAULT 0,
    professions  TEXT    NOT NULL DEFAULT '',
    imdb_id      TEXT,
    wikidata_id  TEXT,
    credit_count INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX people_slug ON people (slug);
CREATE UNIQUE INDEX people_imdb ON people (imdb_id);

CREATE TABLE credits (
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('director', 'writer', 'cast', 'cinematographer', 'composer', 'editor', 'producer', 'other')),
    character_name TEXT NOT NULL DEFAULT '',
    billing   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (film_id, person_id, role, character_name)
);
CREATE INDEX credits_person ON credits (person_id);

CREATE TABLE characters (
    id          INTEGER PRIMARY KEY,
    film_id     INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    person_id   INTEGER REFERENCES people (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX characters_film_slug ON characters (film_id, slug);
CREATE INDEX characters_person ON characters (person_id);

CREATE TABLE themes (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('theme', 'motif'))
);
CREATE UNIQUE INDEX themes_slug ON themes (slug);

CREATE TABLE film_themes (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (film_id, theme_id)
);
CREATE INDEX film_themes_theme ON film_themes (theme_id);

CREATE TABLE box_office (
    film_id         INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    currency        TEXT    NOT NULL DEFAULT 'USD',
    budget          INTEGER NOT NULL DEFAULT 0,
    opening_weekend INTEGER NOT NULL DEFAULT 0,
    release_type    TEXT    NOT NULL DEFAULT '',
    rankings        TEXT    NOT NULL DEFAULT '',
    source          TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE box_office_grosses (
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    territory TEXT    NOT NULL,
    amount    INTEGER NOT NULL,
    PRIMARY KEY (film_id, territory)
);

CREATE TABLE festivals (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL,
    year    INTEGER NOT NULL DEFAULT 0,
    section TEXT    NOT NULL DEFAULT '',
    award   TEXT    NOT NULL DEFAULT '',
    won     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (film_id, name, year, award)
);

CREATE TABLE advisories (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    category TEXT    NOT NULL,
    severity TEXT    NOT NULL CHECK (severity IN ('none', 'mild', 'moderate', 'severe')),
    note     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, category)
);

CREATE TABLE relations (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    reason   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, other_id, kind)
);

-- A dossier is kept whole as JSON (the parse is the source of truth) and
-- projected into sections, links and quotes for search and for the pages
-- that list what mentions a person or a publication.
CREATE TABLE dossiers (
    film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL DEFAULT 1,
    body       TEXT    NOT NULL,
    source     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dossiers_updated ON dossiers (updated_at);

CREATE TABLE dossier_revisions (
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    author     TEXT    NOT NULL DEFAULT '',
    note       TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (film_id, revision)
);

CREATE TABLE dossier_sections (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    heading TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    PRIMARY KEY (film_id, ord)
);

CREATE TABLE dossier_links (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    slug    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, kind, name)
);
CREATE INDEX dossier_links_target ON dossier_links (kind, slug);

CREATE TABLE quotes (
    film_id      INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    speaker      TEXT    NOT NULL DEFAULT '',
    speaker_slug TEXT    NOT NULL DEFAULT '',
    source       TEXT    NOT NULL DEFAULT '',
    section      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, ord)
);
CREATE INDEX quotes_source ON quotes (source);

-- Community: members, their sessions and ratings. Ratings imported from
-- MovieLens or Letterboxd carry their source and the external user name.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL,
    email         TEXT    NOT NULL DEFAULT '',
    password_hash TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'admin')),
    created_at    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_username ON users (username);

CREATE TABLE sessions (
    id         TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE user_ratings (
    source        TEXT    NOT NULL,
    external_user TEXT    NOT NULL,
    film_id       INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    rating        REAL    NOT NULL,
    rated_at      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, external_user, film_id)
);
CREATE INDEX user_ratings_film ON user_ratings (film_id);
