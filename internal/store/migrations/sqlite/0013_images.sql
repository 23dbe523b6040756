-- Pictures: posters and backdrops of films, headshots of people. An image
-- is named by the SHA-256 of its original bytes (so the same file imported
-- twice is one image) and kept as JPEG renditions at a few widths, made
-- once at import, in the database so every web process serves the same
-- bytes. The original itself is not kept.
CREATE TABLE images (
    hash       TEXT    PRIMARY KEY,
    format     TEXT    NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    source     TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE image_renditions (
    image_hash TEXT    NOT NULL REFERENCES images (hash) ON DELETE CASCADE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    data       BLOB    NOT NULL,
    PRIMARY KEY (image_hash, width)
);

-- A film has at most one picture of each kind.
CREATE TABLE film_images (
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('poster', 'backdrop')),
    image_hash TEXT    NOT NULL REFERENCES images (hash),
    PRIMARY KEY (film_id, kind)
);
CREATE INDEX film_images_hash ON film_images (image_hash);

CREATE TABLE person_images (
    person_id  INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    image_hash TEXT    NOT NULL REFERENCES images (hash)
);
CREATE INDEX person_images_hash ON person_images (image_hash);

-- Media libraries (Kodi, Jellyfin) identify films by TMDb id as often as
-- by IMDb id; the NFO import matches on both.
CREATE INDEX films_tmdb ON films (tmdb_id);
