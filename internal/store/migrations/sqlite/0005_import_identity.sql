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
