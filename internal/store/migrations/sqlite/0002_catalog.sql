-- Catalog imports: what the IMDb, MovieLens, Letterboxd and box-office
-- importers keep beyond the core tables, and a record of each import run
-- so an interrupted one is noticed and restarted cleanly.

-- One row per import run. A run inserts its row (status 'running') before
-- the load and sets status, finished_at and summary in the same
-- transaction as the load, so a run killed midway stays 'running'.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    source      TEXT    NOT NULL,
    input       TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    started_at  INTEGER NOT NULL DEFAULT 0,
    finished_at INTEGER NOT NULL DEFAULT 0,
    summary     TEXT    NOT NULL DEFAULT ''
);

-- title.episode: an episode's series and position.
CREATE TABLE episodes (
    film_id   INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    series_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    season    INTEGER NOT NULL DEFAULT 0,
    episode   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX episodes_series ON episodes (series_id, season, episode);

-- MovieLens movies and their links to IMDb and TMDB; film_id is the
-- catalog film the movie was matched or created as.
CREATE TABLE movielens_movies (
    movie_id INTEGER PRIMARY KEY,
    film_id  INTEGER REFERENCES films (id) ON DELETE SET NULL,
    title    TEXT    NOT NULL DEFAULT '',
    genres   TEXT    NOT NULL DEFAULT '',
    imdb_id  TEXT,
    tmdb_id  INTEGER,
    -- MovieLens's own aggregate (0.5–5 stars), kept apart from IMDb's.
    rating_avg   REAL NOT NULL DEFAULT 0,
    rating_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX movielens_movies_film ON movielens_movies (film_id);

CREATE TABLE movielens_tags (
    user_id   INTEGER NOT NULL,
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    tag       TEXT    NOT NULL,
    tagged_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, film_id, tag)
);
CREATE INDEX movielens_tags_film ON movielens_tags (film_id);

-- Letterboxd exports: a member's diary (one row per logged viewing),
-- reviews, watched list and watchlist. Ratings go to user_ratings with
-- source 'letterboxd'.
CREATE TABLE diary_entries (
    source        TEXT    NOT NULL,
    external_user TEXT    NOT NULL,
    film_id       INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    watched_on    TEXT    NOT NULL DEFAULT '',
    logged_on     TEXT    NOT NULL DEFAULT '',
    rating        REAL    NOT NULL DEFAULT 0,
    rewatch       INTEGER NOT NULL DEFAULT 0,
    tags          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (source, external_user, film_id, watched_on, logged_on)
);
CREATE INDEX diary_entries_film ON diary_entries (film_id);

CREATE TABLE reviews (
    source        TEXT    NOT NULL,
    external_user TEXT    NOT NULL,
    film_id       INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    watched_on    TEXT    NOT NULL DEFAULT '',
    logged_on     TEXT    NOT NULL DEFAULT '',
    rating        REAL    NOT NULL DEFAULT 0,
    rewatch       INTEGER NOT NULL DEFAULT 0,
    body          TEXT    NOT NULL,
    tags          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (source, external_user, film_id, logged_on)
);
CREATE INDEX reviews_film ON reviews (film_id);

-- list is 'watched' or 'watchlist'.
CREATE TABLE user_lists (
    source        TEXT    NOT NULL,
    external_user TEXT    NOT NULL,
    list          TEXT    NOT NULL CHECK (list IN ('watched', 'watchlist')),
    film_id       INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    added_on      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (source, external_user, list, film_id)
);
CREATE INDEX user_lists_film ON user_lists (film_id);

-- Credits and genres hold little but their key. As WITHOUT ROWID tables
-- each row is stored once, in key order, instead of in a rowid table plus
-- an index of the same columns: half the writes for the ten million
-- credits of a full IMDb import. (PostgreSQL has no such distinction.)
CREATE TABLE credits_keyed (
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('director', 'writer', 'cast', 'cinematographer', 'composer', 'editor', 'producer', 'other')),
    character_name TEXT NOT NULL DEFAULT '',
    billing   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (film_id, person_id, role, character_name)
) WITHOUT ROWID;
INSERT INTO credits_keyed SELECT film_id, person_id, role, character_name, billing FROM credits;
DROP TABLE credits;
ALTER TABLE credits_keyed RENAME TO credits;
CREATE INDEX credits_person ON credits (person_id);

CREATE TABLE film_genres_keyed (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    genre   TEXT    NOT NULL,
    PRIMARY KEY (film_id, genre)
) WITHOUT ROWID;
INSERT INTO film_genres_keyed SELECT film_id, genre FROM film_genres;
DROP TABLE film_genres;
ALTER TABLE film_genres_keyed RENAME TO film_genres;
CREATE INDEX film_genres_genre ON film_genres (genre);

-- Finding films by folded title for Letterboxd and box-office matching.
CREATE INDEX alt_titles_title ON alt_titles (title);
