-- Facts an imported article states about its film (budget, gross, runtime,
-- release date, awards, festivals, country), kept as proposals with the
-- article as their source. They never overwrite the catalog's own facts
-- (box_office, films.runtime…); pages show them as "according to the
-- article". Rewritten with each dossier revision.
CREATE TABLE article_facts (
    film_id   BIGINT NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    ord       INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    amount    BIGINT  NOT NULL DEFAULT 0,
    currency  TEXT    NOT NULL DEFAULT '',
    territory TEXT    NOT NULL DEFAULT '',
    source    TEXT    NOT NULL DEFAULT '',
    revision  INTEGER NOT NULL DEFAULT 0,
    line      INTEGER NOT NULL DEFAULT 0,
    context   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (film_id, ord)
);
CREATE INDEX article_facts_kind ON article_facts (kind, value);
