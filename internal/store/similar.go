package store

import (
	"context"
	"database/sql"
	"fmt"
)

// FilmFeatures is what the recommender knows about one film's content:
// who made it, what it is about, where and when it is set, and how
// people tagged it. Lists are in the order the catalog keeps them.
type FilmFeatures struct {
	ID        int64
	Slug      string
	Title     string
	Year      int
	Place     string // setting_place as written, e.g. "Texas City, Texas"
	Genres    []string
	Themes    []NamedKey // themes and motifs
	Directors []NamedKey
	Writers   []NamedKey
	Cast      []CastKey // by billing, top billed first
	Tags      []string  // MovieLens tags, lower case, each once
}

// NamedKey is a stable key (a slug) and the name to show for it.
type NamedKey struct {
	Key  string
	Name string
}

// CastKey is a cast member and their billing (1 = top billed, 0 = unknown).
type CastKey struct {
	NamedKey
	Billing int
}

// RecommendFeatures returns every film's content features, ordered by
// film id. Cast is capped at the top maxCast billed members per film.
func (s *Store) RecommendFeatures(ctx context.Context, maxCast int) ([]FilmFeatures, error) {
	var out []FilmFeatures
	index := map[int64]int{}
	err := s.eachRow(ctx, `SELECT id, slug, title, COALESCE(year, 0), setting_place FROM films ORDER BY id`, nil, func(rows *sql.Rows) error {
		var f FilmFeatures
		if err := rows.Scan(&f.ID, &f.Slug, &f.Title, &f.Year, &f.Place); err != nil {
			return err
		}
		index[f.ID] = len(out)
		out = append(out, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recommend features: films: %w", err)
	}
	at := func(id int64) *FilmFeatures {
		if i, ok := index[id]; ok {
			return &out[i]
		}
		return nil
	}
	err = s.eachRow(ctx, `SELECT film_id, genre FROM film_genres ORDER BY film_id, genre`, nil, func(rows *sql.Rows) error {
		var (
			id int64
			g  string
		)
		if err := rows.Scan(&id, &g); err != nil {
			return err
		}
		if f := at(id); f != nil {
			f.Genres = append(f.Genres, g)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recommend features: genres: %w", err)
	}
	err = s.eachRow(ctx, `SELECT ft.film_id, t.slug, t.name FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
		ORDER BY ft.film_id, t.kind DESC, t.name`, nil, func(rows *sql.Rows) error {
		var (
			id int64
			k  NamedKey
		)
		if err := rows.Scan(&id, &k.Key, &k.Name); err != nil {
			return err
		}
		if f := at(id); f != nil {
			f.Themes = append(f.Themes, k)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recommend features: themes: %w", err)
	}
	err = s.eachRow(ctx, `SELECT c.film_id, c.role, c.billing, p.slug, p.name FROM credits c JOIN people p ON p.id = c.person_id
		WHERE c.role IN ('director', 'writer', 'cast')
		ORDER BY c.film_id, CASE WHEN c.billing = 0 THEN 1 ELSE 0 END, c.billing, p.name`, nil, func(rows *sql.Rows) error {
		var (
			id      int64
			role    string
			billing int
			k       NamedKey
		)
		if err := rows.Scan(&id, &role, &billing, &k.Key, &k.Name); err != nil {
			return err
		}
		f := at(id)
		if f == nil {
			return nil
		}
		switch role {
		case "director":
			f.Directors = appendKey(f.Directors, k)
		case "writer":
			f.Writers = appendKey(f.Writers, k)
		case "cast":
			if len(f.Cast) < maxCast && !hasCast(f.Cast, k.Key) {
				f.Cast = append(f.Cast, CastKey{NamedKey: k, Billing: billing})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recommend features: credits: %w", err)
	}
	err = s.eachRow(ctx, `SELECT DISTINCT film_id, LOWER(tag) FROM movielens_tags ORDER BY 1, 2`, nil, func(rows *sql.Rows) error {
		var (
			id  int64
			tag string
		)
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		if f := at(id); f != nil && tag != "" {
			f.Tags = append(f.Tags, tag)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recommend features: tags: %w", err)
	}
	return out, nil
}

func appendKey(l []NamedKey, k NamedKey) []NamedKey {
	for _, x := range l {
		if x.Key == k.Key {
			return l
		}
	}
	return append(l, k)
}

func hasCast(l []CastKey, key string) bool {
	for _, x := range l {
		if x.Key == key {
			return true
		}
	}
	return false
}

// Rating is one person's rating of one film. User is the person's key:
// "ml:ID" for a MovieLens user, otherwise the member's name, whatever
// the source (a Letterboxd import and the member's own ratings are one
// person).
type Rating struct {
	User   string
	FilmID int64
	Stars  float64
}

// EachRating calls fn for every rating: the imported ones in
// user_ratings, then members' own (member_films, half stars as stars),
// keyed by the member's name like their imported Letterboxd ratings, so
// a member is one person whatever the source.
func (s *Store) EachRating(ctx context.Context, fn func(Rating) error) error {
	err := s.eachRow(ctx, `SELECT source, external_user, film_id, rating FROM user_ratings`, nil, func(rows *sql.Rows) error {
		var (
			src, user string
			r         Rating
		)
		if err := rows.Scan(&src, &user, &r.FilmID, &r.Stars); err != nil {
			return err
		}
		r.User = ratingUserKey(src, user)
		return fn(r)
	})
	if err != nil {
		return fmt.Errorf("read ratings: %w", err)
	}
	err = s.eachRow(ctx, `SELECT u.username, mf.film_id, mf.rating FROM member_films mf JOIN users u ON u.id = mf.user_id
		WHERE mf.rating > 0`, nil, func(rows *sql.Rows) error {
		var (
			r    Rating
			half int
		)
		if err := rows.Scan(&r.User, &r.FilmID, &half); err != nil {
			return err
		}
		r.Stars = float64(half) / 2
		return fn(r)
	})
	if err != nil {
		return fmt.Errorf("read members' ratings: %w", err)
	}
	return nil
}

func ratingUserKey(source, user string) string {
	if source == "movielens" {
		return "ml:" + user
	}
	return user
}

// eachRow runs q and calls fn for each row, checking rows.Err.
func (s *Store) eachRow(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
