package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"marquee/internal/film"
)

// LibraryFilm is one film of a media library (a Kodi or Jellyfin NFO)
// with what to file with it.
type LibraryFilm struct {
	Film      film.Film // the NFO's facts; Slug is chosen here for a new film
	MatchSlug string    // the catalog film the importer matched, "" to create one
	People    []film.Person
	Credits   []film.Credit // FilmSlug is filled in here
	Pictures  []Picture     // FilmSlug is filled in here for film pictures
}

// LibraryResult counts what ImportLibrary did. Matched counts every film
// that was already in the catalog; Updated is those of them whose facts
// the library filled in.
type LibraryResult struct {
	Created       int           `json:"films_created"`
	Matched       int           `json:"films_matched"`
	Updated       int           `json:"films_updated"`
	PeopleCreated int           `json:"people_created"`
	CreditsAdded  int           `json:"credits_added"`
	Pictures      PictureResult `json:"pictures"`
	Slugs         []string      `json:"-"` // the slug each input film was filed under, in order

	PeopleMatched        int                 `json:"people_matched"`        // person NFOs filed against a catalog person
	Biographies          int                 `json:"biographies_stored"`    // biographies new or changed
	BiographiesUnchanged int                 `json:"biographies_unchanged"` // already stored as the file says
	PeopleUnmatched      []LibraryPersonMiss `json:"people_unmatched"`
}

// ImportLibrary files a media library's films in one transaction: all of
// it is stored or none. A matched film keeps its facts; the library only
// fills what is empty (original title, release date, runtime,
// certification, plot, genres, rating, IMDb and TMDb ids). A new film
// gets its title-and-year slug, or that slug with its IMDb id (or a
// number) when the slug is taken. People are matched by slug and never
// overwritten; credits are added when missing.
func (s *Store) ImportLibrary(ctx context.Context, films []LibraryFilm) (LibraryResult, error) {
	return s.ImportMediaLibrary(ctx, films, nil)
}

// ImportMediaLibrary is ImportLibrary with the library's person NFOs,
// filed after its films (so a person the films credit can be matched) in
// the same transaction.
func (s *Store) ImportMediaLibrary(ctx context.Context, films []LibraryFilm, people []LibraryPerson) (LibraryResult, error) {
	var res LibraryResult
	for i := range films {
		f := films[i].Film // validated under the slug it would get
		if f.Title == "" && films[i].MatchSlug != "" {
			f.Title = films[i].MatchSlug // a URL-only NFO: the matched film keeps its title
		}
		if f.Slug == "" {
			f.Slug = film.FilmSlug(f.Title, f.Year)
		}
		if err := f.Validate(); err != nil {
			return res, err
		}
	}
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		res = LibraryResult{}
		for i := range films {
			if err := s.importLibraryFilm(ctx, tx, &films[i], &res); err != nil {
				return err
			}
		}
		for _, p := range people {
			if err := s.importLibraryPerson(ctx, tx, p, &res); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func (s *Store) importLibraryFilm(ctx context.Context, tx *sql.Tx, lf *LibraryFilm, res *LibraryResult) error {
	f := &lf.Film
	if lf.MatchSlug == "" {
		slug, err := s.freeFilmSlug(ctx, tx, f)
		if err != nil {
			return err
		}
		f.Slug = slug
		if f.TitleType == "" {
			f.TitleType = "movie"
		}
		if err := s.putFilm(ctx, tx, f); err != nil {
			return err
		}
		res.Created++
	} else {
		f.Slug = lf.MatchSlug
		changed, err := s.fillFilm(ctx, tx, f)
		if err != nil {
			return err
		}
		res.Matched++
		if changed {
			res.Updated++
		}
	}
	res.Slugs = append(res.Slugs, f.Slug)
	for i := range lf.People {
		p := &lf.People[i]
		if err := p.Validate(); err != nil {
			return err
		}
		if _, err := personID(ctx, tx, "library", p.Slug); err == nil {
			continue
		}
		if err := s.putPerson(ctx, tx, p); err != nil {
			return err
		}
		res.PeopleCreated++
	}
	for _, c := range lf.Credits {
		c.FilmSlug = f.Slug
		added, err := s.addCredit(ctx, tx, c)
		if err != nil {
			return err
		}
		if added {
			res.CreditsAdded++
		}
	}
	pics := make([]Picture, len(lf.Pictures))
	for i, p := range lf.Pictures {
		if p.PersonSlug == "" {
			p.FilmSlug = f.Slug
		}
		pics[i] = p
	}
	return s.putPictures(ctx, tx, pics, &res.Pictures)
}

// freeFilmSlug picks a new film's slug: title and year, then with the IMDb
// id, then numbered.
func (s *Store) freeFilmSlug(ctx context.Context, tx *sql.Tx, f *film.Film) (string, error) {
	base := film.FilmSlug(f.Title, f.Year)
	cands := []string{base}
	if f.IDs.IMDb != "" {
		cands = append(cands, base+"-"+f.IDs.IMDb)
	}
	for n := 2; n < 100; n++ {
		cands = append(cands, base+"-"+strconv.Itoa(n))
	}
	for _, c := range cands {
		_, err := filmID(ctx, tx, "library", c)
		var missing *film.MissingRefError
		if errors.As(err, &missing) {
			return c, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", &film.ConflictError{Entity: "film", Key: base}
}

// addCredit inserts a credit unless it is there; it reports whether it
// was added.
func (s *Store) addCredit(ctx context.Context, tx *sql.Tx, c film.Credit) (bool, error) {
	if err := c.Validate(); err != nil {
		return false, err
	}
	fid, err := filmID(ctx, tx, "credit", c.FilmSlug)
	if err != nil {
		return false, err
	}
	pid, err := personID(ctx, tx, "credit", c.PersonSlug)
	if err != nil {
		return false, err
	}
	key := c.FilmSlug + "/" + c.PersonSlug + "/" + string(c.Role)
	r, err := tx.ExecContext(ctx, `INSERT INTO credits (film_id, person_id, role, character_name, billing, job)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (film_id, person_id, role, character_name) DO NOTHING`,
		fid, pid, string(c.Role), c.Character, c.Billing, c.Job)
	if err != nil {
		return false, s.wrap(err, "put", "credit", key)
	}
	n, err := r.RowsAffected()
	if err != nil || n == 0 {
		return false, s.wrap(err, "put", "credit", key)
	}
	_, err = tx.ExecContext(ctx, `UPDATE people SET credit_count = (SELECT COUNT(*) FROM credits WHERE person_id = $1) WHERE id = $1`, pid)
	return true, s.wrap(err, "count credits of", "person", c.PersonSlug)
}

// fillFilm fills the stored film's empty facts from f and reports whether
// anything changed. Stored facts always win.
func (s *Store) fillFilm(ctx context.Context, tx *sql.Tx, f *film.Film) (bool, error) {
	r, err := tx.ExecContext(ctx, `UPDATE films SET
			original_title = CASE WHEN original_title = '' THEN $1 ELSE original_title END,
			release_date = CASE WHEN release_date = '' THEN $2 ELSE release_date END,
			runtime_min = CASE WHEN runtime_min = 0 THEN $3 ELSE runtime_min END,
			certification = CASE WHEN certification = '' THEN $4 ELSE certification END,
			logline = CASE WHEN logline = '' THEN $5 ELSE logline END,
			imdb_id = COALESCE(imdb_id, CAST($6 AS TEXT)),
			tmdb_id = COALESCE(tmdb_id, CAST($7 AS BIGINT)),
			rating_avg = CASE WHEN rating_votes = 0 AND CAST($8 AS BIGINT) > 0 THEN CAST($9 AS DOUBLE PRECISION) ELSE rating_avg END,
			rating_votes = CASE WHEN rating_votes = 0 THEN $8 ELSE rating_votes END,
			updated_at = $10
		WHERE slug = $11 AND (
			(original_title = '' AND $1 <> '') OR (release_date = '' AND $2 <> '') OR
			(runtime_min = 0 AND $3 > 0) OR (certification = '' AND $4 <> '') OR (logline = '' AND $5 <> '') OR
			(imdb_id IS NULL AND CAST($6 AS TEXT) IS NOT NULL) OR (tmdb_id IS NULL AND CAST($7 AS BIGINT) IS NOT NULL) OR
			(rating_votes = 0 AND $8 > 0))`,
		f.OriginalTitle, f.ReleaseDate, f.RuntimeMin, f.Certification, f.Logline,
		nullString(f.IDs.IMDb), nullInt(f.IDs.TMDB), f.Rating.Votes, f.Rating.Average, now(), f.Slug)
	if err != nil {
		return false, s.wrap(err, "fill", "film", f.Slug)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return false, s.wrap(err, "fill", "film", f.Slug)
	}
	fid, err := filmID(ctx, tx, "library", f.Slug)
	if err != nil {
		return false, err
	}
	var genres int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM film_genres WHERE film_id = $1`, fid).Scan(&genres); err != nil {
		return false, s.wrap(err, "fill genres of", "film", f.Slug)
	}
	if genres == 0 && len(f.Genres) > 0 {
		for _, g := range dedupe(f.Genres) {
			if _, err := tx.ExecContext(ctx, "INSERT INTO film_genres (film_id, genre) VALUES ($1, $2)", fid, g); err != nil {
				return false, s.wrap(err, "fill genres of", "film", f.Slug)
			}
		}
		n++
	}
	return n > 0, nil
}

// FilmByTMDb returns the film with the given TMDb id.
func (s *Store) FilmByTMDb(ctx context.Context, id int64) (*film.Film, error) {
	var slug string
	key := strconv.FormatInt(id, 10)
	err := s.read.QueryRowContext(ctx, `SELECT slug FROM films WHERE tmdb_id = $1 ORDER BY id LIMIT 1`, id).Scan(&slug)
	if err != nil {
		return nil, s.wrap(notFound(err, "film", "tmdb:"+key), "get", "film", "tmdb:"+key)
	}
	return s.GetFilm(ctx, slug)
}
