package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"marquee/internal/film"
)

// FilmRecord is everything the catalog holds about one film, read in one
// read transaction, so its parts agree with each other even while a write
// lands: the film page, the compare page, the API's film and the article
// export all read a film through it.
type FilmRecord struct {
	Film       *film.Film
	Credits    []film.Credit    // role order, billing order within a role
	Characters []film.Character // in the order they were added
	BoxOffice  *film.BoxOffice  // nil when none
	Festivals  []film.Festival
	Advisories []film.Advisory
	Relations  []film.Relation
	// Ratings counts the readers' ratings in ten buckets (see
	// RatingHistogram); RatingMean is their mean on 0–10.
	Ratings    [10]int
	RatingMean float64
	// DossierRevision and DossierUpdated name the film's dossier (0 when it
	// has none); Dossier is its body, when it was asked for.
	DossierRevision int
	DossierUpdated  int64
	Dossier         *film.Dossier
	// CatalogStamp and MemberStamp are the page cache's stamps (see
	// CacheStamp) in the record's snapshot: a page built from the record
	// shows data at least as new as they say.
	CatalogStamp, MemberStamp int64
	// Has says which of the parts that pages read through their own store
	// calls the film has at all, from the record's one presence query, so
	// a page asks for none of them when the film has none (most films of
	// a large catalog).
	Has FilmParts
}

// FilmParts says which optional parts a film has.
type FilmParts struct {
	Pictures  bool // stored poster or backdrop (FilmImages)
	Knowledge bool // computed answers and article advisories (FilmKnowledge)
	Awards    bool // nominations and wins (FilmAwards)
	Similar   bool // a stored similar list (SimilarFilms)
	Members   bool // members' ratings, likes or reviews (FilmHistogram, FilmReviews)
	Theories  bool // fan theories (FilmTheories)
}

// FilmRecordOptions says which parts of a FilmRecord a caller wants
// beyond the film, its credits and characters.
type FilmRecordOptions struct {
	Facts   bool // box office, festivals, advisories, relations
	Ratings bool // the readers' rating histogram
	// Dossier decides, given the dossier's revision and update time,
	// whether to read and decode its body (false when the caller already
	// holds what it derived from that revision). Nil never reads it.
	Dossier func(rev int, updated int64) bool
}

// GetFilmRecord reads the film with the given slug and what opt asks for,
// in one read transaction. It returns a *film.NotFoundError when no film
// has that slug.
func (s *Store) GetFilmRecord(ctx context.Context, slug string, opt FilmRecordOptions) (*FilmRecord, error) {
	var rec *FilmRecord
	err := s.readSnapshot(ctx, "read film "+strconv.Quote(slug), func(q querier) (err error) {
		rec, err = s.filmRecord(ctx, q, slug, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

func (s *Store) filmRecord(ctx context.Context, tx querier, slug string, opt FilmRecordOptions) (*FilmRecord, error) {
	f, err := scanFilm(tx.QueryRowContext(ctx, "SELECT "+filmColumns+" FROM films f WHERE f.slug = $1", slug))
	if err != nil {
		return nil, s.wrap(notFound(err, "film", slug), "get", "film", slug)
	}
	rec := &FilmRecord{Film: &f}
	// One query says which parts the film has, so a film without box
	// office, festivals, ratings, themes, pictures or a dossier (most of a
	// large catalog) costs no query for each.
	var has struct{ genres, themes, chars, box, fest, adv, rel, rat bool }
	var rev int
	var updated int64
	err = tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM film_genres WHERE film_id = $1), EXISTS (SELECT 1 FROM film_themes WHERE film_id = $1),
		EXISTS (SELECT 1 FROM characters WHERE film_id = $1),
		EXISTS (SELECT 1 FROM box_office WHERE film_id = $1), EXISTS (SELECT 1 FROM festivals WHERE film_id = $1),
		EXISTS (SELECT 1 FROM advisories WHERE film_id = $1), EXISTS (SELECT 1 FROM relations WHERE film_id = $1),
		EXISTS (SELECT 1 FROM user_ratings WHERE film_id = $1),
		COALESCE((SELECT revision FROM dossiers WHERE film_id = $1), 0), COALESCE((SELECT updated_at FROM dossiers WHERE film_id = $1), 0),
		EXISTS (SELECT 1 FROM film_images WHERE film_id = $1), EXISTS (SELECT 1 FROM film_knowledge WHERE film_id = $1),
		EXISTS (SELECT 1 FROM awards WHERE film_id = $1), EXISTS (SELECT 1 FROM similar_films WHERE film_id = $1),
		EXISTS (SELECT 1 FROM film_member_stats WHERE film_id = $1), EXISTS (SELECT 1 FROM theories WHERE film_id = $1),
		COALESCE((SELECT gen FROM cache_generations WHERE scope = 'catalog'), 0),
		COALESCE((SELECT gen FROM film_member_stats WHERE film_id = $1), 0)`,
		f.ID).Scan(&has.genres, &has.themes, &has.chars, &has.box, &has.fest, &has.adv, &has.rel, &has.rat, &rev, &updated,
		&rec.Has.Pictures, &rec.Has.Knowledge, &rec.Has.Awards, &rec.Has.Similar, &rec.Has.Members, &rec.Has.Theories,
		&rec.CatalogStamp, &rec.MemberStamp)
	if err != nil {
		return nil, fmt.Errorf("read film %q: %w", slug, err)
	}
	if has.genres {
		if f.Genres, err = queryStrings(ctx, tx, "SELECT genre FROM film_genres WHERE film_id = $1 ORDER BY genre", f.ID); err != nil {
			return nil, fmt.Errorf("get genres of film %q: %w", slug, err)
		}
	}
	if has.themes {
		if f.Themes, err = filmThemes(ctx, tx, f.ID); err != nil {
			return nil, fmt.Errorf("get themes of film %q: %w", slug, err)
		}
	}
	if rec.Credits, err = recordCredits(ctx, tx, &f); err != nil {
		return nil, fmt.Errorf("credits of film %q: %w", slug, err)
	}
	if has.chars {
		if rec.Characters, err = recordCharacters(ctx, tx, &f); err != nil {
			return nil, fmt.Errorf("characters of film %q: %w", slug, err)
		}
	}
	if opt.Facts {
		if has.box {
			if rec.BoxOffice, err = s.getBoxOffice(ctx, tx, slug); err != nil && !errors.Is(err, film.ErrNotFound) {
				return nil, err
			}
		}
		if has.fest {
			if rec.Festivals, err = s.festivals(ctx, tx, slug); err != nil {
				return nil, err
			}
		}
		if has.adv {
			if rec.Advisories, err = s.advisories(ctx, tx, slug); err != nil {
				return nil, err
			}
		}
		if has.rel {
			if rec.Relations, err = s.relations(ctx, tx, slug); err != nil {
				return nil, err
			}
		}
	}
	if opt.Ratings && has.rat {
		if rec.Ratings, rec.RatingMean, err = ratingHistogram(ctx, tx, slug); err != nil {
			return nil, err
		}
	}
	if opt.Dossier != nil && rev != 0 {
		rec.DossierRevision, rec.DossierUpdated = rev, updated
		if opt.Dossier(rev, updated) {
			if rec.Dossier, err = s.getDossier(ctx, tx, slug); err != nil {
				return nil, err
			}
		}
	}
	return rec, nil
}

// Directors are the names of the record's directors in billing order.
func (r *FilmRecord) Directors() []string {
	out := []string{}
	for _, c := range r.Credits {
		if c.Role == film.RoleDirector {
			out = append(out, c.PersonName)
		}
	}
	return out
}
