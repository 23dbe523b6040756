-- A film whose year is unknown keeps no year (NULL) rather than 0, so that
-- "no year" is never mistaken for a year.
ALTER TABLE films ALTER COLUMN year DROP NOT NULL, ALTER COLUMN year DROP DEFAULT;

UPDATE films SET year = NULL WHERE year = 0;
