-- Members' rating changes waiting for the similar lists' incremental
-- refresh (see the SQLite migration).
CREATE TABLE recommend_dirty (
    id      BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    film_id BIGINT NOT NULL
);

CREATE FUNCTION member_films_recommend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.rating > 0 OR TG_OP = 'UPDATE' AND NEW.rating <> OLD.rating THEN
        INSERT INTO recommend_dirty (user_id, film_id) VALUES (NEW.user_id, NEW.film_id);
    ELSIF TG_OP = 'DELETE' AND OLD.rating > 0 THEN
        INSERT INTO recommend_dirty (user_id, film_id) VALUES (OLD.user_id, OLD.film_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER member_films_recommend AFTER INSERT OR DELETE OR UPDATE OF rating ON member_films
    FOR EACH ROW EXECUTE FUNCTION member_films_recommend();
