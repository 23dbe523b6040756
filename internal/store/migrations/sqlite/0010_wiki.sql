-- The wiki half: dossier revisions that remember how they were made (the
-- text an editor saved, its summary, size and parent), protection of
-- dossiers, members' fan theories with votes, discussion threads with
-- nested comments, reports for moderation.

ALTER TABLE dossier_revisions ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE dossier_revisions ADD COLUMN size INTEGER NOT NULL DEFAULT -1;
ALTER TABLE dossier_revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'import';
ALTER TABLE dossier_revisions ADD COLUMN parent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_revisions ADD COLUMN user_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX dossier_revisions_created ON dossier_revisions (created_at);
-- History pages read only these columns; the index covers them, so a
-- dossier with a thousand revisions never reads its bodies to list them.
CREATE INDEX dossier_revisions_meta ON dossier_revisions (film_id, revision, size, kind, parent, user_id, created_at, author, note);
CREATE INDEX dossier_revisions_user ON dossier_revisions (user_id);

CREATE TABLE dossier_protection (
    film_id    INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    level      TEXT    NOT NULL CHECK (level IN ('editor', 'admin')),
    expires_at INTEGER NOT NULL DEFAULT 0,
    reason     TEXT    NOT NULL DEFAULT '',
    set_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE theories (
    id            INTEGER PRIMARY KEY,
    film_id       INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    spoiler       INTEGER NOT NULL DEFAULT 0,
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'debunked')),
    status_source TEXT    NOT NULL DEFAULT '',
    status_by     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    score         INTEGER NOT NULL DEFAULT 0,
    ups           INTEGER NOT NULL DEFAULT 0,
    downs         INTEGER NOT NULL DEFAULT 0,
    hidden        INTEGER NOT NULL DEFAULT 0,
    hidden_reason TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX theories_film_score ON theories (film_id, hidden, score DESC, id);
CREATE INDEX theories_user ON theories (user_id);

CREATE TABLE theory_votes (
    theory_id INTEGER NOT NULL REFERENCES theories (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    value     INTEGER NOT NULL CHECK (value IN (-1, 1)),
    voted_at  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (theory_id, user_id)
);
CREATE INDEX theory_votes_user ON theory_votes (user_id);

-- A thread is a talk-page topic of a film or its dossier, or the comments
-- of a theory (one thread per theory, made with it).
CREATE TABLE threads (
    id           INTEGER PRIMARY KEY,
    film_id      INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    scope        TEXT    NOT NULL CHECK (scope IN ('film', 'dossier', 'theory')),
    theory_id    INTEGER REFERENCES theories (id) ON DELETE CASCADE,
    title        TEXT    NOT NULL,
    user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    replies      INTEGER NOT NULL DEFAULT 0,
    hidden       INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL DEFAULT 0,
    last_post_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX threads_film ON threads (film_id, scope, last_post_at DESC);
CREATE UNIQUE INDEX threads_theory ON threads (theory_id);

CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    thread_id     INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    parent_id     INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    depth         INTEGER NOT NULL DEFAULT 0,
    user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body          TEXT    NOT NULL,
    hidden        INTEGER NOT NULL DEFAULT 0,
    hidden_reason TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_thread ON comments (thread_id, id);
CREATE INDEX comments_user ON comments (user_id);
CREATE INDEX comments_created ON comments (created_at);

CREATE TABLE thread_follows (
    thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    after_comment INTEGER NOT NULL DEFAULT 0, -- replies newer than this comment are news
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_follows_user ON thread_follows (user_id);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY,
    target_kind TEXT    NOT NULL CHECK (target_kind IN ('theory', 'comment', 'review')),
    target_id   INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL DEFAULT 0,
    resolved_at INTEGER NOT NULL DEFAULT 0,
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    resolution  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX reports_open ON reports (resolved_at, created_at);
