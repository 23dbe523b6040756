-- Members' rating changes waiting for the similar lists' incremental
-- refresh: every insert, change or removal of a rating in member_films
-- queues (member, film) here in the writing transaction, whichever
-- process wrote it. The refresher reads the queue in id order, applies
-- the members' current ratings of those films, and deletes the rows it
-- applied (id ≤ the last it read), so a change made meanwhile stays queued.
CREATE TABLE recommend_dirty (
    id      INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so "up to the last read" stays exact
    user_id INTEGER NOT NULL,
    film_id INTEGER NOT NULL
);

CREATE TRIGGER member_films_recommend_ai AFTER INSERT ON member_films WHEN NEW.rating > 0 BEGIN
    INSERT INTO recommend_dirty (user_id, film_id) VALUES (NEW.user_id, NEW.film_id);
END;
CREATE TRIGGER member_films_recommend_au AFTER UPDATE OF rating ON member_films WHEN NEW.rating <> OLD.rating BEGIN
    INSERT INTO recommend_dirty (user_id, film_id) VALUES (NEW.user_id, NEW.film_id);
END;
CREATE TRIGGER member_films_recommend_ad AFTER DELETE ON member_films WHEN OLD.rating > 0 BEGIN
    INSERT INTO recommend_dirty (user_id, film_id) VALUES (OLD.user_id, OLD.film_id);
END;
