package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// The IMDb import's reads of what the catalog holds and its settling
// statements, run on its bulk connection (see BulkConn). table is
// "films" or "people".

// BulkIMDbIDs calls fn with the id and IMDb id of every row of table that
// has one.
func BulkIMDbIDs(ctx context.Context, c BulkConn, table string, fn func(id int64, imdb string)) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk imdb ids: no table %q", table)
	}
	return c.QueryArgs(ctx, "SELECT id, imdb_id FROM "+table+" WHERE imdb_id IS NOT NULL", func(v []driver.Value) error {
		fn(bulkInt(v[0]), BulkText(v[1]))
		return nil
	})
}

// BulkNextID is one more than the highest id of table.
func BulkNextID(ctx context.Context, c BulkConn, table string) (next int64, err error) {
	if !slugTables[table] {
		return 0, fmt.Errorf("bulk next id: no table %q", table)
	}
	err = c.QueryArgs(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM "+table, func(v []driver.Value) error {
		next = bulkInt(v[0])
		return nil
	})
	return next, err
}

// BulkSlugsWithoutIMDb calls fn with the slug and id of every row of
// table without an IMDb id (the demo catalog's, box office's or
// MovieLens's additions), which an IMDb row of the same slug adopts.
func BulkSlugsWithoutIMDb(ctx context.Context, c BulkConn, table string, fn func(slug string, id int64)) error {
	if !slugTables[table] {
		return fmt.Errorf("bulk slugs: no table %q", table)
	}
	return c.QueryArgs(ctx, "SELECT slug, id FROM "+table+" WHERE imdb_id IS NULL", func(v []driver.Value) error {
		fn(BulkText(v[0]), bulkInt(v[1]))
		return nil
	})
}

// BulkSetFilmRating writes film id's IMDb rating and votes.
func BulkSetFilmRating(ctx context.Context, c BulkConn, id int64, avg float64, votes int64) error {
	return c.ExecArgs(ctx, "UPDATE films SET rating_avg = ?, rating_votes = ? WHERE id = ?", avg, votes, id)
}

// BulkCountCredits sets every person's credit count to the credits they
// hold, where it differs.
func BulkCountCredits(ctx context.Context, c BulkConn) error {
	return c.ExecArgs(ctx, `UPDATE people SET credit_count = c.n
		FROM (SELECT person_id, COUNT(*) AS n FROM credits GROUP BY person_id) AS c
		WHERE people.id = c.person_id AND people.credit_count <> c.n`)
}

// BulkRenameFilm gives film id the first of choices (its possible slugs,
// best first) that no film holds, and keeps its old slug in slug_history,
// where the site and the API answer 301 to the new one. It changes
// nothing and reports false when the film already has one of the choices
// ahead of any free one, or when every choice is taken.
func BulkRenameFilm(ctx context.Context, c BulkConn, id int64, choices []string, now int64) (bool, error) {
	var cur string
	if err := c.QueryArgs(ctx, "SELECT slug FROM films WHERE id = ?", func(v []driver.Value) error {
		cur = BulkText(v[0])
		return nil
	}, id); err != nil {
		return false, err
	}
	to := ""
	for _, s := range choices {
		if s == cur {
			return false, nil
		}
		var holder int64
		if err := c.QueryArgs(ctx, "SELECT COALESCE(MAX(id), 0) FROM films WHERE slug = ?", func(v []driver.Value) error {
			holder = bulkInt(v[0])
			return nil
		}, s); err != nil {
			return false, err
		}
		if holder == 0 {
			to = s
			break
		}
	}
	if to == "" {
		return false, nil
	}
	if err := c.ExecArgs(ctx, "UPDATE films SET slug = ? WHERE id = ?", to, id); err != nil {
		return false, err
	}
	if err := c.ExecArgs(ctx, `INSERT INTO slug_history (slug, film_id, changed_at) VALUES (?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET film_id = excluded.film_id, changed_at = excluded.changed_at`, cur, id, now); err != nil {
		return false, err
	}
	return true, c.ExecArgs(ctx, "DELETE FROM slug_history WHERE slug = ?", to)
}

// BulkFilmGenres calls fn with every film's genres, one call a genre.
func BulkFilmGenres(ctx context.Context, c BulkConn, fn func(id int64, genre string)) error {
	return c.QueryArgs(ctx, "SELECT film_id, genre FROM film_genres", func(v []driver.Value) error {
		fn(bulkInt(v[0]), BulkText(v[1]))
		return nil
	})
}

// BulkIMDbFilm is what an IMDb import writes of a title, as the catalog
// holds it (zero for a value it lacks).
type BulkIMDbFilm struct {
	ID                   int64
	Title, OriginalTitle string
	Year, RuntimeMin     int64
	TitleType            string
	RatingAvg            float64
	RatingVotes          int64
}

// BulkIMDbFilms calls fn with every film that has an IMDb id.
func BulkIMDbFilms(ctx context.Context, c BulkConn, fn func(BulkIMDbFilm)) error {
	return c.QueryArgs(ctx, `SELECT id, title, COALESCE(original_title, ''), COALESCE(year, 0), COALESCE(runtime_min, 0),
			COALESCE(title_type, ''), rating_avg, rating_votes FROM films WHERE imdb_id IS NOT NULL`, func(v []driver.Value) error {
		avg, ok := v[6].(float64)
		if !ok {
			avg = float64(bulkInt(v[6]))
		}
		fn(BulkIMDbFilm{ID: bulkInt(v[0]), Title: BulkText(v[1]), OriginalTitle: BulkText(v[2]), Year: bulkInt(v[3]),
			RuntimeMin: bulkInt(v[4]), TitleType: BulkText(v[5]), RatingAvg: avg, RatingVotes: bulkInt(v[7])})
		return nil
	})
}

// BulkIMDbPeople calls fn with every person that has an IMDb id: what an
// IMDb import writes of them (zero for a value the catalog lacks).
func BulkIMDbPeople(ctx context.Context, c BulkConn, fn func(id int64, name string, birth, death int64, professions string)) error {
	return c.QueryArgs(ctx, `SELECT id, name, COALESCE(birth_year, 0), COALESCE(death_year, 0), COALESCE(professions, '')
			FROM people WHERE imdb_id IS NOT NULL`, func(v []driver.Value) error {
		fn(bulkInt(v[0]), BulkText(v[1]), bulkInt(v[2]), bulkInt(v[3]), BulkText(v[4]))
		return nil
	})
}
