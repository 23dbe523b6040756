package store

import (
	"context"
	"fmt"

	"marquee/internal/film"
	"marquee/internal/knowledge"
)

// PersonFilms returns the films a person is credited on, each once with
// every role they had (director first), most voted first.
func (s *Store) PersonFilms(ctx context.Context, personSlug string) ([]knowledge.PersonFilm, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT f.slug, f.title, f.year, f.rating_votes, c.role, c.character_name
		FROM credits c JOIN people p ON p.id = c.person_id JOIN films f ON f.id = c.film_id
		WHERE p.slug = $1 ORDER BY f.rating_votes DESC, f.year DESC, f.id,
		CASE c.role WHEN 'director' THEN 0 WHEN 'writer' THEN 1 WHEN 'cast' THEN 2 ELSE 3 END, c.billing`, personSlug)
	if err != nil {
		return nil, fmt.Errorf("films of person %q: %w", personSlug, err)
	}
	defer rows.Close()
	var out []knowledge.PersonFilm
	at := map[string]int{}
	for rows.Next() {
		var pf knowledge.PersonFilm
		var role, char string
		if err := rows.Scan(&pf.Slug, &pf.Title, &pf.Year, &pf.Votes, &role, &char); err != nil {
			return nil, err
		}
		i, ok := at[pf.Slug]
		if !ok {
			i = len(out)
			at[pf.Slug] = i
			out = append(out, pf)
		}
		out[i].Roles = append(out[i].Roles, film.Role(role))
		if role == string(film.RoleCast) && out[i].Character == "" {
			out[i].Character = char
		}
	}
	return out, rows.Err()
}

// Collaborator is someone credited on at least two of a person's films.
type Collaborator struct {
	Slug, Name string
	Shared     []knowledge.PersonFilm
}

// Collaborators returns the n people who share the most films with a
// person (at least two), with those films in year order.
func (s *Store) Collaborators(ctx context.Context, personSlug string, n int) ([]Collaborator, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT p2.slug, p2.name, f.slug, f.title, f.year
		FROM people p1 JOIN credits c1 ON c1.person_id = p1.id
		JOIN credits c2 ON c2.film_id = c1.film_id AND c2.person_id <> c1.person_id
		JOIN people p2 ON p2.id = c2.person_id JOIN films f ON f.id = c1.film_id
		WHERE p1.slug = $1 GROUP BY p2.slug, p2.name, f.slug, f.title, f.year ORDER BY p2.slug, f.year, f.slug`, personSlug)
	if err != nil {
		return nil, fmt.Errorf("collaborators of %q: %w", personSlug, err)
	}
	defer rows.Close()
	var all []Collaborator
	for rows.Next() {
		var slug, name string
		var pf knowledge.PersonFilm
		if err := rows.Scan(&slug, &name, &pf.Slug, &pf.Title, &pf.Year); err != nil {
			return nil, err
		}
		if len(all) == 0 || all[len(all)-1].Slug != slug {
			all = append(all, Collaborator{Slug: slug, Name: name})
		}
		all[len(all)-1].Shared = append(all[len(all)-1].Shared, pf)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []Collaborator
	for _, c := range all {
		if len(c.Shared) >= 2 {
			out = append(out, c)
		}
	}
	// Most shared first; names break ties so the answer is stable.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (len(out[j].Shared) > len(out[j-1].Shared) ||
			len(out[j].Shared) == len(out[j-1].Shared) && out[j].Name < out[j-1].Name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}
