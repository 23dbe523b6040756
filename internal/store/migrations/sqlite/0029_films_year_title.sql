-- A decade's films in title order: a page of /films?decade=… (with or
-- without a genre, country, … beside it) reads the first films of each of
-- the decade's ten years from this index and merges them
-- (store.ListFilmsPage), instead of sorting every film of the decade.
CREATE INDEX films_year_title ON films (year, title, id);
