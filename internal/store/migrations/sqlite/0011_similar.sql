-- Recommendations: each film's precomputed similar films, best first,
-- with the blended score, its content and collaborative parts, and the
-- reasons in words (a JSON array of strings computed from the data when
-- the list was built). recommend_state records when the lists were last
-- built in full (built_at) and refreshed in part (refreshed_at), Unix seconds.
CREATE TABLE similar_films (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    other_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    score    REAL    NOT NULL,
    content  REAL    NOT NULL DEFAULT 0,
    collab   REAL    NOT NULL DEFAULT 0,
    reasons  TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (film_id, ord)
);
CREATE INDEX similar_films_other ON similar_films (other_id);

CREATE TABLE recommend_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL DEFAULT ''
);

-- Each film's list again as one row, "other_id:score" pairs joined by
-- ";", best first: what scoring a person's recommendations reads, one
-- row per rated film instead of thirty.
CREATE TABLE similar_packed (
    film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    neighbours TEXT NOT NULL DEFAULT ''
);
