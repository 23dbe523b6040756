package store

import (
	"context"
	"database/sql"
	"errors"

	"marquee/internal/film"
)

// Attachment is a dossier with the facts needed to file it: the film it
// is about (created when new) and, for a new film, the people and credits
// the article names.
type Attachment struct {
	Film    *film.Film    // required; matched by slug
	People  []film.Person // created when missing, never overwritten
	Credits []film.Credit // added when missing
	Dossier *film.Dossier
	Author  string
	Text    string // the dossier's text form, kept with the revision for diffs and editing
	Summary string // the revision's summary ("" for a plain import)
	// Awards the article states, proposed with the article as source:
	// they replace the film's previous article awards and never touch an
	// award on record from the awards import or an editor.
	// A nil Awards leaves the film's article awards as they are.
	Awards []film.Award
	// AwardsAdded, if not nil, is set to how many of Awards were new.
	AwardsAdded *int
}

// AttachDossier files a dossier in one transaction: the film is created if
// its slug is new (an existing film's facts are left alone), missing
// people and credits are added, and the dossier replaces the film's
// previous one. Either all of it is stored or none. It returns the
// dossier's new revision and whether the film was created.
func (s *Store) AttachDossier(ctx context.Context, a Attachment) (rev int, created bool, err error) {
	if err := a.Film.Validate(); err != nil {
		return 0, false, err
	}
	for i := range a.People {
		if err := a.People[i].Validate(); err != nil {
			return 0, false, err
		}
	}
	for _, c := range a.Credits {
		if err := c.Validate(); err != nil {
			return 0, false, err
		}
	}
	if err := a.Dossier.Validate(); err != nil {
		return 0, false, err
	}
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		created = false
		if _, err := filmID(ctx, tx, "dossier", a.Film.Slug); err != nil {
			var missing *film.MissingRefError
			if !errors.As(err, &missing) {
				return err
			}
			if a.Film.TitleType == "" {
				a.Film.TitleType = "movie"
			}
			if err := s.putFilm(ctx, tx, a.Film); err != nil {
				return err
			}
			created = true
		}
		for i := range a.People {
			if _, err := personID(ctx, tx, "dossier", a.People[i].Slug); err == nil {
				continue
			}
			if err := s.putPerson(ctx, tx, &a.People[i]); err != nil {
				return err
			}
		}
		for _, c := range a.Credits {
			if err := s.putCredit(ctx, tx, c); err != nil {
				return err
			}
		}
		var err error
		rev, err = s.putDossier(ctx, tx, a.Film.Slug, a.Dossier, RevisionInput{Author: a.Author, Text: a.Text, Summary: a.Summary})
		if err != nil {
			return err
		}
		if a.Awards != nil {
			var n int
			n, err = putArticleAwards(ctx, tx, a.Film.Slug, a.Awards)
			if a.AwardsAdded != nil {
				*a.AwardsAdded = n
			}
		}
		return err
	})
	if err != nil {
		return 0, false, s.wrap(err, "attach", "dossier", a.Film.Slug)
	}
	return rev, created, nil
}
