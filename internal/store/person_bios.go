package store

import (
	"context"
	"database/sql"
	"strconv"

	"marquee/internal/film"
	"marquee/internal/media"
)

// PersonBio is a person's biography and the facts of birth and death
// that came with it, and the file it came from.
type PersonBio struct {
	Biography  string `json:"biography"`
	Source     string `json:"source"`               // e.g. "nfo:metadata/People/T/Tom Hanks/person.nfo"
	BirthDate  string `json:"birth_date,omitempty"` // YYYY-MM-DD or YYYY
	DeathDate  string `json:"death_date,omitempty"`
	Birthplace string `json:"birthplace,omitempty"`
}

// LibraryPerson is one person NFO of a media library: who it names and
// what it says.
type LibraryPerson struct {
	File    string // the NFO, for reports
	Name    string
	IMDb    string // nm…, "" when the file has none
	Bio     PersonBio
	Picture *media.Prepared // the headshot beside the file, or nil
	PicFile string
}

// LibraryPersonMiss is a person NFO that was not filed, with why.
type LibraryPersonMiss struct {
	File   string `json:"file"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// PersonBio returns the stored biography of the person with the slug, or
// nil when there is none.
func (s *Store) PersonBio(ctx context.Context, slug string) (*PersonBio, error) {
	var b PersonBio
	err := s.read.QueryRowContext(ctx, `SELECT b.biography, b.source, b.birth_date, b.death_date, b.birthplace
		FROM person_bios b JOIN people p ON p.id = b.person_id WHERE p.slug = $1`, slug).
		Scan(&b.Biography, &b.Source, &b.BirthDate, &b.DeathDate, &b.Birthplace)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, s.wrap(err, "get biography of", "person", slug)
	}
	return &b, nil
}

// importLibraryPerson files one person NFO: it finds the person by IMDb
// id, or else by name when the catalog's person carries no other IMDb id,
// and stores the biography and headshot. A person the catalog does not
// have is not created (a biography is no credit); it is reported.
func (s *Store) importLibraryPerson(ctx context.Context, tx *sql.Tx, lp LibraryPerson, res *LibraryResult) error {
	id, slug, miss, err := s.matchLibraryPerson(ctx, tx, lp)
	if err != nil {
		return err
	}
	if miss != "" {
		res.PeopleUnmatched = append(res.PeopleUnmatched, LibraryPersonMiss{File: lp.File, Name: lp.Name, Reason: miss})
		return nil
	}
	res.PeopleMatched++
	b := lp.Bio
	if b.Biography != "" || b.BirthDate != "" || b.DeathDate != "" || b.Birthplace != "" {
		r, err := tx.ExecContext(ctx, `INSERT INTO person_bios (person_id, biography, source, birth_date, death_date, birthplace, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (person_id) DO UPDATE SET biography = excluded.biography, source = excluded.source,
				birth_date = excluded.birth_date, death_date = excluded.death_date, birthplace = excluded.birthplace,
				updated_at = excluded.updated_at
			WHERE person_bios.biography <> excluded.biography OR person_bios.source <> excluded.source
				OR person_bios.birth_date <> excluded.birth_date OR person_bios.death_date <> excluded.death_date
				OR person_bios.birthplace <> excluded.birthplace`,
			id, b.Biography, b.Source, b.BirthDate, b.DeathDate, b.Birthplace, now())
		if err != nil {
			return s.wrap(err, "put biography of", "person", slug)
		}
		if n, err := r.RowsAffected(); err != nil {
			return s.wrap(err, "put biography of", "person", slug)
		} else if n > 0 {
			res.Biographies++
		} else {
			res.BiographiesUnchanged++
		}
		by, dy := yearOf(b.BirthDate), yearOf(b.DeathDate)
		if _, err := tx.ExecContext(ctx, `UPDATE people SET
				birth_year = CASE WHEN birth_year = 0 THEN $1 ELSE birth_year END,
				death_year = CASE WHEN death_year = 0 THEN $2 ELSE death_year END
			WHERE id = $3 AND ((birth_year = 0 AND $1 > 0) OR (death_year = 0 AND $2 > 0))`, by, dy, id); err != nil {
			return s.wrap(err, "fill years of", "person", slug)
		}
	}
	if lp.Picture != nil {
		return s.putPictures(ctx, tx, []Picture{{PersonSlug: slug, Image: lp.Picture, Source: lp.PicFile}}, &res.Pictures)
	}
	return nil
}

// matchLibraryPerson finds the person a person NFO names; miss says why
// there is none. Two different IMDb ids are two people, whatever their
// names.
func (s *Store) matchLibraryPerson(ctx context.Context, tx *sql.Tx, lp LibraryPerson) (id int64, slug, miss string, err error) {
	if lp.IMDb != "" {
		err = tx.QueryRowContext(ctx, `SELECT id, slug FROM people WHERE imdb_id = $1`, lp.IMDb).Scan(&id, &slug)
		if err == nil {
			return id, slug, "", nil
		}
		if err != sql.ErrNoRows {
			return 0, "", "", s.wrap(err, "match", "person", lp.IMDb)
		}
	}
	slug = film.PersonSlug(lp.Name)
	var imdb sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT id, imdb_id FROM people WHERE slug = $1`, slug).Scan(&id, &imdb)
	if err == sql.ErrNoRows {
		if lp.IMDb != "" {
			return 0, "", "no person with IMDb id " + lp.IMDb + " or named " + strconv.Quote(lp.Name) + " in the catalog", nil
		}
		return 0, "", "no person named " + strconv.Quote(lp.Name) + " in the catalog", nil
	}
	if err != nil {
		return 0, "", "", s.wrap(err, "match", "person", slug)
	}
	switch {
	case lp.IMDb == "" || imdb.String == lp.IMDb:
		return id, slug, "", nil
	case imdb.Valid && imdb.String != "":
		return 0, "", "the catalog's " + strconv.Quote(lp.Name) + " is " + imdb.String + ", the file names " + lp.IMDb, nil
	}
	// The catalog's person has no IMDb id; the file's becomes theirs (no
	// other person carries it: the lookup above found none).
	if _, err := tx.ExecContext(ctx, `UPDATE people SET imdb_id = $1 WHERE id = $2`, lp.IMDb, id); err != nil {
		return 0, "", "", s.wrap(err, "set IMDb id of", "person", slug)
	}
	return id, slug, "", nil
}

func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(date[:4])
	return y
}
