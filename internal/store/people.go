package store

import (
	"context"
	"database/sql"
	"fmt"

	"marquee/internal/film"
)

const personColumns = `p.id, p.slug, p.name, p.birth_year, p.death_year, p.professions,
	COALESCE(p.imdb_id, ''), COALESCE(p.wikidata_id, '')`

func scanPerson(sc interface{ Scan(...any) error }) (film.Person, error) {
	var (
		p     film.Person
		profs string
	)
	err := sc.Scan(&p.ID, &p.Slug, &p.Name, &p.BirthYear, &p.DeathYear, &profs, &p.IDs.IMDb, &p.IDs.Wikidata)
	p.Professions = splitList(profs)
	return p, err
}

// PutPerson inserts p, or updates the person with p's slug, and sets p.ID.
func (s *Store) PutPerson(ctx context.Context, p *film.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.putPerson(ctx, s.write, p)
}

func (s *Store) putPerson(ctx context.Context, q querier, p *film.Person) error {
	t := now()
	err := q.QueryRowContext(ctx, `
		INSERT INTO people (slug, name, birth_year, death_year, professions, imdb_id, wikidata_id, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
		ON CONFLICT (slug) DO UPDATE SET
			name = excluded.name, birth_year = excluded.birth_year, death_year = excluded.death_year,
			professions = excluded.professions, imdb_id = excluded.imdb_id, wikidata_id = excluded.wikidata_id,
			updated_at = excluded.updated_at
		RETURNING id`,
		p.Slug, p.Name, p.BirthYear, p.DeathYear, joinList(p.Professions), nullString(p.IDs.IMDb), nullString(p.IDs.Wikidata), t,
	).Scan(&p.ID)
	return s.wrap(err, "put", "person", p.Slug)
}

// GetPerson returns the person with the given slug.
func (s *Store) GetPerson(ctx context.Context, slug string) (*film.Person, error) {
	row := s.read.QueryRowContext(ctx, "SELECT "+personColumns+" FROM people p WHERE p.slug = $1", slug)
	p, err := scanPerson(row)
	if err != nil {
		return nil, s.wrap(notFound(err, "person", slug), "get", "person", slug)
	}
	return &p, nil
}

// PersonByIMDb returns the person with the given IMDb id (nm…).
func (s *Store) PersonByIMDb(ctx context.Context, id string) (*film.Person, error) {
	row := s.read.QueryRowContext(ctx, "SELECT "+personColumns+" FROM people p WHERE p.imdb_id = $1", id)
	p, err := scanPerson(row)
	if err != nil {
		return nil, s.wrap(notFound(err, "person", id), "get", "person", id)
	}
	return &p, nil
}

// PersonByName finds a person by name, case and diacritics folded. Among
// namesakes it prefers the one with the most credits.
func (s *Store) PersonByName(ctx context.Context, name string) (*film.Person, error) {
	slug := film.PersonSlug(name)
	rows, err := s.read.QueryContext(ctx, "SELECT "+personColumns+` FROM people p
		WHERE p.slug >= $1 AND p.slug < $2 ORDER BY p.credit_count DESC, p.id LIMIT 20`, slug, slug+"~")
	if err != nil {
		return nil, fmt.Errorf("find person %q: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		if film.PersonSlug(p.Name) == slug {
			return &p, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return nil, notFoundErr("person", name)
}

// ListPeople returns people in name order, and the total count.
func (s *Store) ListPeople(ctx context.Context, limit, offset int) ([]film.Person, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM people").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count people: %w", err)
	}
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+personColumns+" FROM people p ORDER BY p.name, p.id LIMIT $1 OFFSET $2", limit, max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("list people: %w", err)
	}
	defer rows.Close()
	var out []film.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// filmID and personID resolve slugs inside a transaction, returning a
// *film.MissingRefError when the slug names nothing.
func filmID(ctx context.Context, q querier, entity, slug string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM films WHERE slug = $1", slug).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, &film.MissingRefError{Entity: entity, Ref: fmt.Sprintf("film %q", slug)}
	}
	return id, err
}

func personID(ctx context.Context, q querier, entity, slug string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM people WHERE slug = $1", slug).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, &film.MissingRefError{Entity: entity, Ref: fmt.Sprintf("person %q", slug)}
	}
	return id, err
}
