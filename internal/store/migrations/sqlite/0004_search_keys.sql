-- Search without a documents table. Migration 0003 kept one row per
-- searchable thing in search_docs (6.7 M rows on a 1 M-title catalog) only
-- to number documents most popular first and to map an index row back to
-- its film, person or character. Filling that table took as long as the
-- FTS5 index itself. Now the FTS5 rowid carries both: it is a search key,
--
--   (16383 - level(pop)) << 40 | kind << 37 | ref
--
-- level(pop) = digits(pop) * 1000 + the first three digits of pop, which
-- grows with pop (three significant digits: 1,234 and 1,239 tie). Scanning
-- matches in rowid order still meets the most popular documents first, and
-- the rowid alone says what a document is. searchKey (internal/search/keys.go)
-- computes the same key in Go; internal/search/keys_test.go checks that both agree.
--
-- kind: 1 film, 2 person, 3 character, 4 theme, 5 dossier section.
-- ref: the row's id; for a dossier section, film_id << 10 | ord.
-- pop: films rating_votes; people credit_count * 200; characters their
-- film's votes / 4; themes 1000 per film; sections their film's votes / 2.
--
-- The triggers below keep the index in step: a change of popularity moves
-- a document to its new key. Every trigger is named search_*:
-- search.PrepareBulk drops them before an import and search.Rebuild
-- recreates them from this file.

DROP TRIGGER IF EXISTS search_docs_ai;
DROP TRIGGER IF EXISTS search_docs_ad;
DROP TRIGGER IF EXISTS search_docs_au;
DROP TRIGGER IF EXISTS search_films_ai;
DROP TRIGGER IF EXISTS search_films_au;
DROP TRIGGER IF EXISTS search_films_ad;
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
DROP TRIGGER IF EXISTS search_themes_ad;
DROP TRIGGER IF EXISTS search_film_themes_ai;
DROP TRIGGER IF EXISTS search_film_themes_ad;
DROP TRIGGER IF EXISTS search_sections_ai;
DROP TRIGGER IF EXISTS search_sections_au;
DROP TRIGGER IF EXISTS search_sections_ad;
DROP TABLE search_docs;

-- Refill the index under the new keys (search.Rebuild does the same in
-- bulk, with the same SELECT): a 32 MiB hash while filling, merged into
-- one segment, then the default hash again.
INSERT INTO search_fts (search_fts) VALUES ('delete-all');
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO search_fts (rowid, name, alt, body, tag)
SELECT * FROM (
    SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id,
        f.title,
        trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')),
        '', CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END
    FROM films f
    UNION ALL
    SELECT ((16383 - length(max(min(p.credit_count * 200, 9999999999), 0)) * 1000 - substr(max(min(p.credit_count * 200, 9999999999), 0), 1, 3)) << 40) | (2 << 37) | p.id,
        p.name, '', '', ''
    FROM people p
    UNION ALL
    SELECT ((16383 - length(max(min(f.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | c.id,
        c.name, '', '', ''
    FROM characters c JOIN films f ON f.id = c.film_id
    UNION ALL
    SELECT ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | t.id,
        t.name, '', '', ''
    FROM themes t
    UNION ALL
    SELECT ((16383 - length(max(min(f.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (s.film_id << 10) | s.ord,
        '', s.heading, s.text, ''
    FROM dossier_sections s JOIN films f ON f.id = s.film_id
) ORDER BY 1;
INSERT INTO search_fts (search_fts) VALUES ('optimize');
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576);

-- Films. A change of votes moves the film's characters and dossier
-- sections too; BEFORE DELETE removes them while their film can still
-- tell their keys (the cascade deletes the rows afterwards).
CREATE TRIGGER search_films_ai AFTER INSERT ON films BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(new.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(new.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | new.id,
        new.title,
        trim(new.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = new.id), '')),
        '', CASE WHEN new.year > 0 THEN 'y' || new.year ELSE '' END);
END;

CREATE TRIGGER search_films_au AFTER UPDATE OF title, original_title, year, rating_votes ON films
WHEN old.title IS NOT new.title OR old.original_title IS NOT new.original_title OR old.year IS NOT new.year OR old.rating_votes IS NOT new.rating_votes BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(old.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | old.id;
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(new.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(new.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | new.id,
        new.title,
        trim(new.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = new.id), '')),
        '', CASE WHEN new.year > 0 THEN 'y' || new.year ELSE '' END);
END;

CREATE TRIGGER search_films_votes_au AFTER UPDATE OF rating_votes ON films
WHEN old.rating_votes IS NOT new.rating_votes BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT ((16383 - length(max(min(old.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | c.id
        FROM characters c WHERE c.film_id = new.id
        UNION ALL
        SELECT ((16383 - length(max(min(old.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (s.film_id << 10) | s.ord
        FROM dossier_sections s WHERE s.film_id = new.id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(new.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(new.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | c.id,
        c.name, '', '', ''
    FROM characters c WHERE c.film_id = new.id;
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(new.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(new.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (s.film_id << 10) | s.ord,
        '', s.heading, s.text, ''
    FROM dossier_sections s WHERE s.film_id = new.id;
END;

CREATE TRIGGER search_films_bd BEFORE DELETE ON films BEGIN
    DELETE FROM search_fts WHERE rowid IN (
        SELECT ((16383 - length(max(min(old.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | old.id
        UNION ALL
        SELECT ((16383 - length(max(min(old.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | c.id
        FROM characters c WHERE c.film_id = old.id
        UNION ALL
        SELECT ((16383 - length(max(min(old.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(old.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (s.film_id << 10) | s.ord
        FROM dossier_sections s WHERE s.film_id = old.id);
END;

-- Alternative titles are part of their film's document: any change
-- rewrites it (same key).
CREATE TRIGGER search_alt_titles_ai AFTER INSERT ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id FROM films f WHERE f.id = new.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id,
        f.title,
        trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')),
        '', CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END
    FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_alt_titles_au AFTER UPDATE ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid IN (SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id FROM films f WHERE f.id IN (old.film_id, new.film_id));
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id,
        f.title,
        trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')),
        '', CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END
    FROM films f WHERE f.id IN (old.film_id, new.film_id);
END;

CREATE TRIGGER search_alt_titles_ad AFTER DELETE ON alt_titles BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id FROM films f WHERE f.id = old.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes, 9999999999), 0), 1, 3)) << 40) | (1 << 37) | f.id,
        f.title,
        trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(a.title, ' | ') FROM alt_titles a WHERE a.film_id = f.id), '')),
        '', CASE WHEN f.year > 0 THEN 'y' || f.year ELSE '' END
    FROM films f WHERE f.id = old.film_id;
END;

-- People.
CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(new.credit_count * 200, 9999999999), 0)) * 1000 - substr(max(min(new.credit_count * 200, 9999999999), 0), 1, 3)) << 40) | (2 << 37) | new.id,
        new.name, '', '', '');
END;

CREATE TRIGGER search_people_au AFTER UPDATE OF name, credit_count ON people
WHEN old.name IS NOT new.name OR old.credit_count IS NOT new.credit_count BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(old.credit_count * 200, 9999999999), 0)) * 1000 - substr(max(min(old.credit_count * 200, 9999999999), 0), 1, 3)) << 40) | (2 << 37) | old.id;
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(new.credit_count * 200, 9999999999), 0)) * 1000 - substr(max(min(new.credit_count * 200, 9999999999), 0), 1, 3)) << 40) | (2 << 37) | new.id,
        new.name, '', '', '');
END;

CREATE TRIGGER search_people_ad AFTER DELETE ON people BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(old.credit_count * 200, 9999999999), 0)) * 1000 - substr(max(min(old.credit_count * 200, 9999999999), 0), 1, 3)) << 40) | (2 << 37) | old.id;
END;

-- Characters: keyed by their film's votes.
CREATE TRIGGER search_characters_ai AFTER INSERT ON characters BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | new.id,
        new.name, '', '', ''
    FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_characters_au AFTER UPDATE OF name, film_id ON characters
WHEN old.name IS NOT new.name OR old.film_id IS NOT new.film_id BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | old.id FROM films f WHERE f.id = old.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | new.id,
        new.name, '', '', ''
    FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_characters_ad AFTER DELETE ON characters BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes / 4, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 4, 9999999999), 0), 1, 3)) << 40) | (3 << 37) | old.id FROM films f WHERE f.id = old.film_id);
END;

-- Themes: keyed by how many films carry them. BEFORE DELETE, while the
-- count still holds (the cascade then deletes film_themes, whose trigger
-- finds no theme to re-add).
CREATE TRIGGER search_themes_ai AFTER INSERT ON themes BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | new.id,
        new.name, '', '', '');
END;

CREATE TRIGGER search_themes_au AFTER UPDATE OF name ON themes WHEN old.name IS NOT new.name BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | old.id;
    INSERT INTO search_fts (rowid, name, alt, body, tag) VALUES (
        ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | new.id,
        new.name, '', '', '');
END;

CREATE TRIGGER search_themes_bd BEFORE DELETE ON themes BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | old.id;
END;

CREATE TRIGGER search_film_themes_ai AFTER INSERT ON film_themes BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(1000 * ((SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.theme_id) - 1), 9999999999), 0)) * 1000 - substr(max(min(1000 * ((SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = new.theme_id) - 1), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | new.theme_id;
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | t.id,
        t.name, '', '', ''
    FROM themes t WHERE t.id = new.theme_id;
END;

CREATE TRIGGER search_film_themes_ad AFTER DELETE ON film_themes BEGIN
    DELETE FROM search_fts WHERE rowid = ((16383 - length(max(min(1000 * ((SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.theme_id) + 1), 9999999999), 0)) * 1000 - substr(max(min(1000 * ((SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = old.theme_id) + 1), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | old.theme_id;
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0)) * 1000 - substr(max(min(1000 * (SELECT COUNT(*) FROM film_themes ft WHERE ft.theme_id = t.id), 9999999999), 0), 1, 3)) << 40) | (4 << 37) | t.id,
        t.name, '', '', ''
    FROM themes t WHERE t.id = old.theme_id;
END;

-- Dossier sections: heading and text, keyed by their film's votes.
CREATE TRIGGER search_sections_ai AFTER INSERT ON dossier_sections BEGIN
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (new.film_id << 10) | new.ord,
        '', new.heading, new.text, ''
    FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_sections_au AFTER UPDATE ON dossier_sections BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (old.film_id << 10) | old.ord FROM films f WHERE f.id = old.film_id);
    INSERT INTO search_fts (rowid, name, alt, body, tag)
    SELECT ((16383 - length(max(min(f.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (new.film_id << 10) | new.ord,
        '', new.heading, new.text, ''
    FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_sections_ad AFTER DELETE ON dossier_sections BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT ((16383 - length(max(min(f.rating_votes / 2, 9999999999), 0)) * 1000 - substr(max(min(f.rating_votes / 2, 9999999999), 0), 1, 3)) << 40) | (5 << 37) | (old.film_id << 10) | old.ord FROM films f WHERE f.id = old.film_id);
END;
