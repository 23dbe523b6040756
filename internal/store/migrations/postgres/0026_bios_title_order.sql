-- Biographies of people, from the person NFOs of a media library (Kodi,
-- Jellyfin, Emby): the text, the file it came from, and the dates and
-- place of birth the file gives (YYYY-MM-DD, '' when unknown).
CREATE TABLE person_bios (
    person_id  BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    biography  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    birth_date TEXT    NOT NULL DEFAULT '',
    death_date TEXT    NOT NULL DEFAULT '',
    birthplace TEXT    NOT NULL DEFAULT '',
    updated_at BIGINT  NOT NULL DEFAULT 0
);

-- /films lists in title order by default: this index serves a page of it
-- (and of a genre, whose test is a lookup per film) by walking the index,
-- instead of sorting every film the filter selects.
CREATE INDEX films_title ON films (title, year, id);
