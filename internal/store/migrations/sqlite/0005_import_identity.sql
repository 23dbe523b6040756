-- Identity for imports: the ids a source gives a film that the films
-- table has no column for (a Letterboxd film URI), and every slug a film
-- ever had, so an old URL answers 301 to the current one.

-- One row per (source, external id); a film holds at most one id of a
-- source, so two ids of one source never land on one film.
CREATE TABLE external_ids (
    source      TEXT    NOT NULL,
    external_id TEXT    NOT NULL,
    film_id     INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    PRIMARY KEY (source, external_id)
);
CREATE UNIQUE INDEX external_ids_film ON external_ids (film_id, source);

-- A slug a film no longer answers to; the film's current slug is in films.
CREATE TABLE slug_history (
    slug       TEXT    PRIMARY KEY,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    changed_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX slug_history_film ON slug_history (film_id);

-- A member's named list from a Letterboxd export (lists/*.csv), with its
-- notes, and its films in the list's order.
CREATE TABLE user_named_lists (
    id            INTEGER PRIMARY KEY,
    source        TEXT    NOT NULL,
    external_user TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    url           TEXT    NOT NULL DEFAULT '',
    description   TEXT    NOT NULL DEFAULT '',
    tags          TEXT    NOT NULL DEFAULT '',
    created_on    TEXT    NOT NULL DEFAULT '',
    UNIQUE (source, external_user, name)
);

CREATE TABLE user_named_list_films (
    list_id  INTEGER NOT NULL REFERENCES user_named_lists (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    notes    TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, position)
);
CREATE INDEX user_named_list_films_film ON user_named_list_films (film_id);
