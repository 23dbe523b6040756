-- What a prolific person's answers need from all their credits (issue
-- 16): their most-voted films, how many films they are credited on, and
-- the people they share the most films with. The knowledge refresh keeps
-- it for people with more credits than a request can cheaply read; the
-- others' answers are read from their credits at request time.
CREATE TABLE person_knowledge (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    body      TEXT    NOT NULL
);
