-- The search index's documents in one place. Migration 0004 spelled the
-- search key formula out in every trigger and again in the bulk refill;
-- here it is written once, in the view search_documents, which lists
-- every document the FTS5 table search_fts holds:
--
--   key   (16383 - level(pop)) << 40 | kind << 37 | ref (see 0004)
--   kind  1 film, 2 person, 3 character, 4 theme, 5 dossier section
--   ref   the row's id; for a dossier section film_id << 10 | ord
--   owner the row whose change can move the document: the film of a
--         character or a section, the row itself otherwise
--
-- The triggers keep search_fts in step by reading the view: a BEFORE
-- trigger deletes a document under the key it has before the change, an
-- AFTER trigger adds it under its new key. A bulk load drops the search_*
-- triggers, refills search_fts from the view in key order and replays the
-- triggers as sqlite_master holds them (internal/store/search_upkeep.go),
-- so a later migration that changes the view or a trigger is what every
-- import keeps. The keys are unchanged: no refill is needed here.

DROP TRIGGER IF EXISTS search_films_ai;
DROP TRIGGER IF EXISTS search_films_au;
DROP TRIGGER IF EXISTS search_films_votes_au;
DROP TRIGGER IF EXISTS search_films_bd;
DROP TRIGGER IF EXISTS search_alt_titles_ai;
DROP TRIGGER IF EXISTS search_alt_titles_au;
DROP TRIGGER IF EXISTS search_alt_titles_ad;
DROP TRIGGER IF EXISTS search_people_ai;
DROP TRIGGER IF EXISTS search_people_au;
DROP TRIGGER IF EXISTS search_people_ad;
DROP TRIGGER IF EXISTS search_characters_ai;
DROP TRIGGER IF EXISTS search_characters_au;
DROP TRIGGER IF EXISTS search_characters_ad;
DROP TRIGGER IF EXISTS search_themes_ai;
DROP TRIGGER IF EXISTS search_themes_au;
DROP TRIGGER IF EXISTS search_themes_bd;
DROP TRIGGER IF EXISTS search_film_themes_ai;
DROP TRIGGER IF EXISTS search_film_themes_ad;
DROP TRIGGER IF EXISTS search_sections_ai;
DROP TRIGGER IF EXISTS search_sections_au;
DROP TRIGGER IF EXISTS search_sections_ad;

CREATE VIEW search_documents AS
SELECT ((16383 - length(d.pop) * 1000 - substr(d.pop, 1, 3)) << 40) | (d.kind << 37) | d.ref AS key,
    d.kind, d.ref, d.owner, d.name, d.alt, d.body, d.tag
FROM (
    SELECT 1 AS kind, f.id AS ref, f.id AS owner, max(min(f.rating_votes, 9999999999), 0) AS pop,
        f.title AS name,
        trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')) AS alt,
        '' AS body, CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END AS tag
    FROM films f
    UNION ALL
    SELECT 2, p.id, p.id, max(min(p.credit_count * 200, 9999999999), 0), p.name, '', '', ''
    FROM people p
    UNION ALL
    SELECT 3, c.id, c.film_id, max(min(f.rating_votes / 4, 9999999999), 0), c.name, '', '', ''
    FROM characters c JOIN films f ON f.id = c.film_id
    UNION ALL
    SELECT 4, t.id, t.id, max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0), t.name, '', '', ''
    FROM themes t
    UNION ALL
    SELECT 5, (s.film_id << 10) | s.ord, s.film_id, max(min(f.rating_votes / 2, 9999999999), 0), '', s.heading, s.text, ''
    FROM dossier_sections s JOIN films f ON f.id = s.film_id
) d;

-- Films. New votes move the film's characters and sections too; deleting
-- a film removes them while the film can still tell their keys (the
-- cascade deletes the rows afterwards).
CREATE TRIGGER search_films_ai AFTER INSERT ON films BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 1 AND ref = new.id;
END;

CREATE TRIGGER search_films_bu BEFORE UPDATE OF title, original_title, year, rating_votes ON films
WHEN old.title IS NOT new.title OR old.original_title IS NOT new.original_title OR old.year IS NOT new.year OR old.rating_votes IS NOT new.rating_votes BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 1 AND ref = old.id);
END;

CREATE TRIGGER search_films_au AFTER UPDATE OF title, original_title, year, rating_votes ON films
WHEN old.title IS NOT new.title OR old.original_title IS NOT new.original_title OR old.year IS NOT new.year OR old.rating_votes IS NOT new.rating_votes BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 1 AND ref = new.id;
END;

CREATE TRIGGER search_films_votes_bu BEFORE UPDATE OF rating_votes ON films
WHEN old.rating_votes IS NOT new.rating_votes BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT key FROM search_documents WHERE kind = 3 AND owner = old.id
        UNION ALL
        SELECT key FROM search_documents WHERE kind = 5 AND owner = old.id);
END;

CREATE TRIGGER search_films_votes_au AFTER UPDATE OF rating_votes ON films
WHEN old.rating_votes IS NOT new.rating_votes BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 3 AND owner = new.id
    UNION ALL
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 5 AND owner = new.id;
END;

CREATE TRIGGER search_films_bd BEFORE DELETE ON films BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT key FROM search_documents WHERE kind = 1 AND ref = old.id
        UNION ALL
        SELECT key FROM search_documents WHERE kind = 3 AND owner = old.id
        UNION ALL
        SELECT key FROM search_documents WHERE kind = 5 AND owner = old.id);
END;

-- Alternative titles are part of their film's document: any change
-- rewrites it (same key).
CREATE TRIGGER search_alt_titles_ai AFTER INSERT ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 1 AND ref = new.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 1 AND ref = new.film_id;
END;

CREATE TRIGGER search_alt_titles_au AFTER UPDATE ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 1 AND ref IN (old.film_id, new.film_id));
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 1 AND ref IN (old.film_id, new.film_id);
END;

CREATE TRIGGER search_alt_titles_ad AFTER DELETE ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 1 AND ref = old.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 1 AND ref = old.film_id;
END;

-- People.
CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 2 AND ref = new.id;
END;

CREATE TRIGGER search_people_bu BEFORE UPDATE OF name, credit_count ON people
WHEN old.name IS NOT new.name OR old.credit_count IS NOT new.credit_count BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 2 AND ref = old.id);
END;

CREATE TRIGGER search_people_au AFTER UPDATE OF name, credit_count ON people
WHEN old.name IS NOT new.name OR old.credit_count IS NOT new.credit_count BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 2 AND ref = new.id;
END;

CREATE TRIGGER search_people_bd BEFORE DELETE ON people BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 2 AND ref = old.id);
END;

-- Characters: keyed by their film's votes.
CREATE TRIGGER search_characters_ai AFTER INSERT ON characters BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 3 AND owner = new.film_id AND ref = new.id;
END;

CREATE TRIGGER search_characters_bu BEFORE UPDATE OF name, film_id ON characters
WHEN old.name IS NOT new.name OR old.film_id IS NOT new.film_id BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 3 AND owner = old.film_id AND ref = old.id);
END;

CREATE TRIGGER search_characters_au AFTER UPDATE OF name, film_id ON characters
WHEN old.name IS NOT new.name OR old.film_id IS NOT new.film_id BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 3 AND owner = new.film_id AND ref = new.id;
END;

CREATE TRIGGER search_characters_bd BEFORE DELETE ON characters BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 3 AND owner = old.film_id AND ref = old.id);
END;

-- Themes: keyed by how many films carry them, so a film_themes row moves
-- its theme. The BEFORE INSERT trigger skips a row already there (an
-- upsert that ends in an update changes no count); the AFTER INSERT one
-- deletes before it adds, so a document is never there twice.
CREATE TRIGGER search_themes_ai AFTER INSERT ON themes BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 4 AND ref = new.id;
END;

CREATE TRIGGER search_themes_bu BEFORE UPDATE OF name ON themes WHEN old.name IS NOT new.name BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 4 AND ref = old.id);
END;

CREATE TRIGGER search_themes_au AFTER UPDATE OF name ON themes WHEN old.name IS NOT new.name BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 4 AND ref = new.id;
END;

CREATE TRIGGER search_themes_bd BEFORE DELETE ON themes BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 4 AND ref = old.id);
END;

CREATE TRIGGER search_film_themes_bi BEFORE INSERT ON film_themes
WHEN NOT EXISTS (SELECT 1 FROM film_themes WHERE film_id = new.film_id AND theme_id = new.theme_id) BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 4 AND ref = new.theme_id);
END;

CREATE TRIGGER search_film_themes_ai AFTER INSERT ON film_themes BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 4 AND ref = new.theme_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 4 AND ref = new.theme_id;
END;

CREATE TRIGGER search_film_themes_bd BEFORE DELETE ON film_themes BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 4 AND ref = old.theme_id);
END;

CREATE TRIGGER search_film_themes_ad AFTER DELETE ON film_themes BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 4 AND ref = old.theme_id;
END;

-- Dossier sections: heading and text, keyed by their film's votes.
CREATE TRIGGER search_sections_ai AFTER INSERT ON dossier_sections BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 5 AND owner = new.film_id AND ref = (new.film_id << 10) | new.ord;
END;

CREATE TRIGGER search_sections_bu BEFORE UPDATE ON dossier_sections BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 5 AND owner = old.film_id AND ref = (old.film_id << 10) | old.ord);
END;

CREATE TRIGGER search_sections_au AFTER UPDATE ON dossier_sections BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT key, name, alt, body, tag FROM search_documents WHERE kind = 5 AND owner = new.film_id AND ref = (new.film_id << 10) | new.ord;
END;

CREATE TRIGGER search_sections_bd BEFORE DELETE ON dossier_sections BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT key FROM search_documents WHERE kind = 5 AND owner = old.film_id AND ref = (old.film_id << 10) | old.ord);
END;
