-- Accounts, sessions, API keys, invites, password resets, throttling and
-- the audit log (issue 12). The sessions table of 0001 stored the cookie
-- value itself; nothing wrote to it, so it is replaced by one that keeps
-- only the SHA-256 of the id.
ALTER TABLE users ADD COLUMN display_name TEXT    NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN deleted      INTEGER NOT NULL DEFAULT 0;

DROP TABLE sessions;
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE,          -- hex SHA-256 of the cookie value
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,                 -- the absolute lifetime's end
    address      TEXT    NOT NULL DEFAULT '',
    user_agent   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,          -- hex SHA-256 of the key
    prefix       TEXT    NOT NULL,                 -- first characters, to recognise a key
    scope        TEXT    NOT NULL CHECK (scope IN ('read', 'write')),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE invites (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'admin')),
    created_by TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    used_at    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE password_resets (
    id         INTEGER PRIMARY KEY,
    token_hash TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER NOT NULL DEFAULT 0
);

-- auth_attempts counts sign-in failures, sign-ups and resets per account
-- and per address, so throttling holds across processes and restarts.
CREATE TABLE auth_attempts (
    kind TEXT    NOT NULL,   -- 'signin-account', 'signin-address', 'signup', 'reset'
    key  TEXT    NOT NULL,
    at   INTEGER NOT NULL
);
CREATE INDEX auth_attempts_key ON auth_attempts (kind, key, at);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    user_id  INTEGER,                      -- no foreign key: the log outlives accounts
    username TEXT    NOT NULL DEFAULT '',
    action   TEXT    NOT NULL,
    target   TEXT    NOT NULL DEFAULT '',
    address  TEXT    NOT NULL DEFAULT '',
    old_value TEXT    NOT NULL DEFAULT '',
    new_value TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE site_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
