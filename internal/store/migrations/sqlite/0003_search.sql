-- Search: one row per searchable thing in search_docs, indexed by the
-- contentless FTS5 table search_fts (rowid = search_docs.id), and kept in
-- step with the catalog by the triggers below. Every trigger is named
-- search_*: search.PrepareBulk drops them before an import, and
-- search.Rebuild refills both tables in bulk and recreates them from this
-- file. Rebuild numbers documents most popular first, so that scanning a
-- match list in rowid order meets popular documents first.
--
-- kind: 1 film, 2 person, 3 character, 4 theme, 5 dossier section.
-- ref: the id in the kind's own table (dossier sections: the film's id);
-- ord: the section's ord. film_id: the film a document belongs to.
-- alt: original and alternative titles, " | " between them; for dossier
-- sections, name is the heading and the text comes from dossier_sections.

CREATE TABLE search_docs (
    id      INTEGER PRIMARY KEY,
    kind    INTEGER NOT NULL,
    ref     INTEGER NOT NULL,
    ord     INTEGER NOT NULL DEFAULT 0,
    slug    TEXT    NOT NULL DEFAULT '',
    name    TEXT    NOT NULL DEFAULT '',
    alt     TEXT    NOT NULL DEFAULT '',
    year    INTEGER NOT NULL DEFAULT 0,
    pop     INTEGER NOT NULL DEFAULT 0,
    film_id INTEGER
);
CREATE UNIQUE INDEX search_docs_ref ON search_docs (kind, ref, ord);
CREATE INDEX search_docs_film ON search_docs (film_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    name, alt, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- The index's own vocabulary, for one-typo expansion of unknown words.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'row');

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, name, alt, body) VALUES (new.id,
        CASE WHEN new.kind = 5 THEN '' ELSE new.name END,
        CASE WHEN new.kind = 5 THEN new.name ELSE new.alt END,
        CASE WHEN new.kind = 5 THEN COALESCE((SELECT text FROM dossier_sections WHERE film_id = new.ref AND ord = new.ord), '') ELSE '' END);
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
END;

CREATE TRIGGER search_docs_au AFTER UPDATE OF name, alt ON search_docs
WHEN old.name IS NOT new.name OR old.alt IS NOT new.alt BEGIN
    DELETE FROM search_fts WHERE rowid = old.id;
    INSERT INTO search_fts (rowid, name, alt, body) VALUES (new.id,
        CASE WHEN new.kind = 5 THEN '' ELSE new.name END,
        CASE WHEN new.kind = 5 THEN new.name ELSE new.alt END,
        CASE WHEN new.kind = 5 THEN COALESCE((SELECT text FROM dossier_sections WHERE film_id = new.ref AND ord = new.ord), '') ELSE '' END);
END;

CREATE TRIGGER search_films_ai AFTER INSERT ON films BEGIN
    INSERT INTO search_docs (kind, ref, slug, name, alt, year, pop, film_id)
    VALUES (1, new.id, new.slug, new.title, new.original_title, new.year, new.rating_votes, new.id);
END;

CREATE TRIGGER search_films_au AFTER UPDATE OF slug, title, original_title, year, rating_votes ON films BEGIN
    UPDATE search_docs SET slug = new.slug, name = new.title, year = new.year, pop = new.rating_votes,
        alt = trim(new.original_title || COALESCE((SELECT ' | ' || group_concat(title, ' | ') FROM alt_titles WHERE film_id = new.id), ''))
    WHERE kind = 1 AND ref = new.id;
    UPDATE search_docs SET year = new.year WHERE film_id = new.id AND kind IN (3, 5);
END;

CREATE TRIGGER search_films_ad AFTER DELETE ON films BEGIN
    DELETE FROM search_docs WHERE film_id = old.id;
END;

CREATE TRIGGER search_alt_titles_ai AFTER INSERT ON alt_titles BEGIN
    UPDATE search_docs SET alt = (SELECT trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(title, ' | ') FROM alt_titles WHERE film_id = f.id), ''))
        FROM films f WHERE f.id = new.film_id)
    WHERE kind = 1 AND ref = new.film_id;
END;

CREATE TRIGGER search_alt_titles_au AFTER UPDATE ON alt_titles BEGIN
    UPDATE search_docs SET alt = (SELECT trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(title, ' | ') FROM alt_titles WHERE film_id = f.id), ''))
        FROM films f WHERE f.id = new.film_id)
    WHERE kind = 1 AND ref = new.film_id;
END;

CREATE TRIGGER search_alt_titles_ad AFTER DELETE ON alt_titles BEGIN
    UPDATE search_docs SET alt = (SELECT trim(f.original_title || COALESCE((SELECT ' | ' || group_concat(title, ' | ') FROM alt_titles WHERE film_id = f.id), ''))
        FROM films f WHERE f.id = old.film_id)
    WHERE kind = 1 AND ref = old.film_id;
END;

CREATE TRIGGER search_people_ai AFTER INSERT ON people BEGIN
    INSERT INTO search_docs (kind, ref, slug, name, pop) VALUES (2, new.id, new.slug, new.name, new.credit_count * 200);
END;

CREATE TRIGGER search_people_au AFTER UPDATE OF slug, name, credit_count ON people BEGIN
    UPDATE search_docs SET slug = new.slug, name = new.name, pop = new.credit_count * 200 WHERE kind = 2 AND ref = new.id;
END;

CREATE TRIGGER search_people_ad AFTER DELETE ON people BEGIN
    DELETE FROM search_docs WHERE kind = 2 AND ref = old.id;
END;

CREATE TRIGGER search_characters_ai AFTER INSERT ON characters BEGIN
    INSERT INTO search_docs (kind, ref, slug, name, year, pop, film_id)
    SELECT 3, new.id, new.slug, new.name, f.year, f.rating_votes / 4, f.id FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_characters_au AFTER UPDATE OF slug, name ON characters BEGIN
    UPDATE search_docs SET slug = new.slug, name = new.name WHERE kind = 3 AND ref = new.id;
END;

CREATE TRIGGER search_characters_ad AFTER DELETE ON characters BEGIN
    DELETE FROM search_docs WHERE kind = 3 AND ref = old.id;
END;

CREATE TRIGGER search_themes_ai AFTER INSERT ON themes BEGIN
    INSERT INTO search_docs (kind, ref, slug, name) VALUES (4, new.id, new.slug, new.name);
END;

CREATE TRIGGER search_themes_au AFTER UPDATE OF slug, name ON themes BEGIN
    UPDATE search_docs SET slug = new.slug, name = new.name WHERE kind = 4 AND ref = new.id;
END;

CREATE TRIGGER search_themes_ad AFTER DELETE ON themes BEGIN
    DELETE FROM search_docs WHERE kind = 4 AND ref = old.id;
END;

CREATE TRIGGER search_film_themes_ai AFTER INSERT ON film_themes BEGIN
    UPDATE search_docs SET pop = pop + 1000 WHERE kind = 4 AND ref = new.theme_id;
END;

CREATE TRIGGER search_film_themes_ad AFTER DELETE ON film_themes BEGIN
    UPDATE search_docs SET pop = pop - 1000 WHERE kind = 4 AND ref = old.theme_id;
END;

CREATE TRIGGER search_sections_ai AFTER INSERT ON dossier_sections BEGIN
    INSERT INTO search_docs (kind, ref, ord, slug, name, year, pop, film_id)
    SELECT 5, new.film_id, new.ord, new.kind, new.heading, f.year, f.rating_votes / 2, f.id FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_sections_au AFTER UPDATE ON dossier_sections BEGIN
    DELETE FROM search_docs WHERE kind = 5 AND ref = old.film_id AND ord = old.ord;
    INSERT INTO search_docs (kind, ref, ord, slug, name, year, pop, film_id)
    SELECT 5, new.film_id, new.ord, new.kind, new.heading, f.year, f.rating_votes / 2, f.id FROM films f WHERE f.id = new.film_id;
END;

CREATE TRIGGER search_sections_ad AFTER DELETE ON dossier_sections BEGIN
    DELETE FROM search_docs WHERE kind = 5 AND ref = old.film_id AND ord = old.ord;
END;
