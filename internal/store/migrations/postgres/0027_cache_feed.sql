-- The page cache's change feed (store.ChangeWatcher): every move of a page
-- stamp is announced at commit on the channel marquee_cache, so a serve
-- process knows which cached pages changed without a query per request.
-- The payload is "SCHEMA f FILM GEN" (a film's member stamp), "SCHEMA c
-- GEN" (the catalog's stamp) or "SCHEMA reset" (a table emptied); a gen of
-- -1 is a row deleted. The schema lets databases that hold several
-- Marquee schemas keep their feeds apart. NOTIFY is transactional: a
-- rolled-back write announces nothing, and announcements arrive in commit
-- order. The triggers fire ALWAYS, also under session_replication_role =
-- replica (bulk imports), whose catalog stamp must reach the caches too.
CREATE FUNCTION cache_feed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    msg text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        msg := 'reset';
    ELSIF TG_TABLE_NAME = 'cache_generations' THEN
        IF TG_OP = 'DELETE' THEN
            msg := 'c -1';
        ELSIF NEW.scope = 'catalog' THEN
            msg := 'c ' || NEW.gen;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        msg := 'f ' || OLD.film_id || ' -1';
    ELSIF TG_OP = 'INSERT' OR NEW.gen IS DISTINCT FROM OLD.gen OR NEW.film_id <> OLD.film_id THEN
        msg := 'f ' || NEW.film_id || ' ' || NEW.gen;
    END IF;
    IF msg IS NOT NULL THEN
        PERFORM pg_notify('marquee_cache', TG_TABLE_SCHEMA || ' ' || msg);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER cache_feed AFTER INSERT OR UPDATE OR DELETE ON film_member_stats FOR EACH ROW EXECUTE FUNCTION cache_feed();
CREATE TRIGGER cache_feed_reset AFTER TRUNCATE ON film_member_stats FOR EACH STATEMENT EXECUTE FUNCTION cache_feed();
CREATE TRIGGER cache_feed AFTER INSERT OR UPDATE OR DELETE ON cache_generations FOR EACH ROW EXECUTE FUNCTION cache_feed();
CREATE TRIGGER cache_feed_reset AFTER TRUNCATE ON cache_generations FOR EACH STATEMENT EXECUTE FUNCTION cache_feed();
ALTER TABLE film_member_stats ENABLE ALWAYS TRIGGER cache_feed, ENABLE ALWAYS TRIGGER cache_feed_reset;
ALTER TABLE cache_generations ENABLE ALWAYS TRIGGER cache_feed, ENABLE ALWAYS TRIGGER cache_feed_reset;
