-- Members' own film data: what they watched, rated and liked, reviews,
-- diary, watchlist, lists, follows, privacy and favourites. The tables of
-- 0001/0002 (user_ratings, diary_entries, reviews, user_lists) hold rows
-- imported for people outside Marquee, keyed by (source, external_user);
-- these are keyed by users.id, so a member's identity never rests on a name.
-- Ratings are half stars stored as integers 1..10 (0 = watched or liked
-- without a rating), so no float ever drifts.
CREATE TABLE member_films (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    rating     INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 10),
    liked      INTEGER NOT NULL DEFAULT 0 CHECK (liked IN (0, 1)),
    watched    INTEGER NOT NULL DEFAULT 1 CHECK (watched IN (0, 1)),
    watched_on TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, film_id)
);
CREATE INDEX member_films_film ON member_films (film_id);

-- The members' histogram per film, kept by triggers in the writing
-- transaction, so it always equals a recount of member_films.
CREATE TABLE film_member_ratings (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    stars   INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 10),
    n       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (film_id, stars)
);

-- gen moves with every member write that a film's page shows (ratings,
-- likes, reviews, review likes); the page cache keys film pages on it.
CREATE TABLE film_member_stats (
    film_id INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    likes   INTEGER NOT NULL DEFAULT 0,
    gen     INTEGER NOT NULL DEFAULT 0
);

CREATE TRIGGER member_films_ai AFTER INSERT ON member_films BEGIN
    INSERT INTO film_member_ratings (film_id, stars, n) SELECT NEW.film_id, NEW.rating, 1 WHERE NEW.rating > 0
        ON CONFLICT (film_id, stars) DO UPDATE SET n = n + 1;
    INSERT INTO film_member_stats (film_id, likes, gen) VALUES (NEW.film_id, NEW.liked, 1)
        ON CONFLICT (film_id) DO UPDATE SET likes = likes + NEW.liked, gen = gen + 1;
END;
CREATE TRIGGER member_films_ad AFTER DELETE ON member_films BEGIN
    UPDATE film_member_ratings SET n = n - 1 WHERE film_id = OLD.film_id AND stars = OLD.rating;
    UPDATE film_member_stats SET likes = likes - OLD.liked, gen = gen + 1 WHERE film_id = OLD.film_id;
END;
CREATE TRIGGER member_films_au AFTER UPDATE OF rating, liked ON member_films BEGIN
    UPDATE film_member_ratings SET n = n - 1 WHERE film_id = OLD.film_id AND stars = OLD.rating;
    INSERT INTO film_member_ratings (film_id, stars, n) SELECT NEW.film_id, NEW.rating, 1 WHERE NEW.rating > 0
        ON CONFLICT (film_id, stars) DO UPDATE SET n = n + 1;
    INSERT INTO film_member_stats (film_id, likes, gen) VALUES (NEW.film_id, NEW.liked, 1)
        ON CONFLICT (film_id) DO UPDATE SET likes = likes - OLD.liked + NEW.liked, gen = gen + 1;
END;

CREATE TABLE member_reviews (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    spoiler    INTEGER NOT NULL DEFAULT 0 CHECK (spoiler IN (0, 1)),
    rating     INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 10),
    watched_on TEXT    NOT NULL DEFAULT '',
    hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    likes      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX member_reviews_film_recent ON member_reviews (film_id, created_at DESC);
CREATE INDEX member_reviews_film_likes ON member_reviews (film_id, likes DESC);
CREATE INDEX member_reviews_user ON member_reviews (user_id, created_at DESC);

CREATE TABLE member_review_likes (
    review_id INTEGER NOT NULL REFERENCES member_reviews (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (review_id, user_id)
);

CREATE TRIGGER member_reviews_ai AFTER INSERT ON member_reviews BEGIN
    INSERT INTO film_member_stats (film_id, gen) VALUES (NEW.film_id, 1)
        ON CONFLICT (film_id) DO UPDATE SET gen = gen + 1;
END;
CREATE TRIGGER member_reviews_au AFTER UPDATE ON member_reviews BEGIN
    INSERT INTO film_member_stats (film_id, gen) VALUES (NEW.film_id, 1)
        ON CONFLICT (film_id) DO UPDATE SET gen = gen + 1;
END;
CREATE TRIGGER member_reviews_ad AFTER DELETE ON member_reviews BEGIN
    UPDATE film_member_stats SET gen = gen + 1 WHERE film_id = OLD.film_id;
END;
CREATE TRIGGER member_review_likes_ai AFTER INSERT ON member_review_likes BEGIN
    UPDATE member_reviews SET likes = likes + 1 WHERE id = NEW.review_id;
END;
CREATE TRIGGER member_review_likes_ad AFTER DELETE ON member_review_likes BEGIN
    UPDATE member_reviews SET likes = likes - 1 WHERE id = OLD.review_id;
END;

CREATE TABLE member_diary (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    watched_on TEXT    NOT NULL,
    rating     INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 10),
    rewatch    INTEGER NOT NULL DEFAULT 0 CHECK (rewatch IN (0, 1)),
    liked      INTEGER NOT NULL DEFAULT 0 CHECK (liked IN (0, 1)),
    tags       TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX member_diary_user ON member_diary (user_id, watched_on DESC);
CREATE INDEX member_diary_film ON member_diary (film_id);

CREATE TABLE member_watchlist (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, film_id)
);

CREATE TABLE member_lists (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    slug        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    ranked      INTEGER NOT NULL DEFAULT 0 CHECK (ranked IN (0, 1)),
    public      INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX member_lists_slug ON member_lists (user_id, slug);

CREATE TABLE member_list_entries (
    list_id  INTEGER NOT NULL REFERENCES member_lists (id) ON DELETE CASCADE,
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, film_id)
);
CREATE INDEX member_list_entries_order ON member_list_entries (list_id, position);

CREATE TABLE member_follows (
    follower_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);
CREATE INDEX member_follows_followee ON member_follows (followee_id);

-- profile: 'public' or 'members'. favourites: up to four film ids, in order.
CREATE TABLE member_settings (
    user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    profile       TEXT    NOT NULL DEFAULT 'public' CHECK (profile IN ('public', 'members')),
    diary_private INTEGER NOT NULL DEFAULT 0 CHECK (diary_private IN (0, 1))
);

CREATE TABLE member_favourites (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 4),
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, position)
);

-- What a member did, for feeds: kind is rated, liked, reviewed, logged,
-- listed, watchlisted or followed; ref names the review, diary entry, list
-- or member the action concerns.
CREATE TABLE member_activity (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    film_id    INTEGER REFERENCES films (id) ON DELETE CASCADE,
    ref        INTEGER NOT NULL DEFAULT 0,
    rating     INTEGER NOT NULL DEFAULT 0,
    private    INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX member_activity_user ON member_activity (user_id, id DESC);

-- Imported rows whose film is uncertain (unmatched, or matched only by an
-- alternative title or a year off by one), kept until the member picks the
-- film or dismisses the row. row_json is the parsed row (member.Data).
CREATE TABLE member_import_pending (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file         TEXT    NOT NULL,
    line         INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    year         INTEGER NOT NULL DEFAULT 0,
    kind         TEXT    NOT NULL CHECK (kind IN ('unmatched', 'fuzzy')),
    suggested_id INTEGER REFERENCES films (id) ON DELETE SET NULL,
    row_json     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX member_import_pending_user ON member_import_pending (user_id, id);

-- The page cache's catalog stamp. Members' writes move only their films'
-- film_member_stats.gen; everything else moves this: store.Transact bumps it
-- in the writing transaction, and bulk imports (which write through their
-- own connection) bump it through import_runs, whose row they mark done in
-- the import's own transaction.
CREATE TABLE cache_generations (
    scope TEXT    PRIMARY KEY,
    gen   INTEGER NOT NULL
);
CREATE TRIGGER import_runs_cache_ai AFTER INSERT ON import_runs BEGIN
    INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1) ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1;
END;
CREATE TRIGGER import_runs_cache_au AFTER UPDATE ON import_runs BEGIN
    INSERT INTO cache_generations (scope, gen) VALUES ('catalog', 1) ON CONFLICT (scope) DO UPDATE SET gen = cache_generations.gen + 1;
END;
