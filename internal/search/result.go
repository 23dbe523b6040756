package search

import (
	"context"
	"fmt"
	"html"
	"strconv"

	"marquee/internal/film"
)

type filmRef struct {
	slug, title string
	year        int
}

func (e *Engine) filmOf(ctx context.Context, id int64) (filmRef, error) {
	var f filmRef
	err := e.st.DB().QueryRowContext(ctx, "SELECT slug, title, COALESCE(year, 0) FROM films WHERE id = $1", id).Scan(&f.slug, &f.title, &f.year)
	if err != nil {
		return f, fmt.Errorf("search: film %d: %w", id, err)
	}
	return f, nil
}

// docURL is where a hit lives on the site.
func docURL(d doc, filmSlug string) string {
	switch d.kind {
	case docFilm:
		return "/films/" + d.slug
	case docPerson:
		return "/people/" + d.slug
	case docTheme:
		return "/themes/" + d.slug
	case docSection:
		return "/films/" + filmSlug
	default:
		return "/films/" + filmSlug + "/characters/" + d.slug
	}
}

// sectionAnchor is the fragment id the film page gives the dossier
// section at ord, by the one scheme film.SectionAnchors defines; "" when
// the section is gone.
func (e *Engine) sectionAnchor(ctx context.Context, filmID int64, ord int) (string, error) {
	rows, err := e.st.DB().QueryContext(ctx, "SELECT ord, kind, heading FROM dossier_sections WHERE film_id = $1 ORDER BY ord", filmID)
	if err != nil {
		return "", fmt.Errorf("search: sections of film %d: %w", filmID, err)
	}
	defer rows.Close()
	var (
		secs []film.Section
		ords []int
	)
	for rows.Next() {
		var (
			o    int
			kind string
			s    film.Section
		)
		if err := rows.Scan(&o, &kind, &s.Heading); err != nil {
			return "", fmt.Errorf("search: sections of film %d: %w", filmID, err)
		}
		s.Kind = film.SectionKind(kind)
		secs, ords = append(secs, s), append(ords, o)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("search: sections of film %d: %w", filmID, err)
	}
	for i, a := range film.SectionAnchors(secs, nil) {
		if ords[i] == ord {
			return a, nil
		}
	}
	return "", nil
}

// result turns a ranked document into a Result, reading what the index
// does not hold: a character's film and player, a dossier passage.
func (e *Engine) result(ctx context.Context, p *parsed, d doc) (Result, error) {
	r := Result{Kind: kindNames[d.kind], Slug: d.slug, Score: d.score}
	switch d.kind {
	case docFilm:
		r.Title, r.Year, r.URL = d.name, d.year, docURL(d, "")
		if d.tier == tierAltExact || d.tier == tierAltStart || d.tier == tierAltWords {
			r.Snippet = snippet(p, d.alt, true)
		}
		if d.via != "" {
			r.Snippet = html.EscapeString(d.via)
		}
	case docPerson, docTheme:
		r.Title, r.URL = d.name, docURL(d, "")
	case docCharacter:
		f, err := e.filmOf(ctx, d.filmID)
		if err != nil {
			return r, err
		}
		var slug, name string
		err = e.st.DB().QueryRowContext(ctx, `SELECT COALESCE(p.slug, ''), COALESCE(p.name, '')
			FROM characters c LEFT JOIN people p ON p.id = c.person_id WHERE c.id = $1`, d.ref).Scan(&slug, &name)
		if err != nil {
			return r, fmt.Errorf("search: character %d: %w", d.ref, err)
		}
		r.Title, r.Year, r.FilmSlug, r.FilmTitle, r.PersonSlug, r.PersonName = d.name, f.year, f.slug, f.title, slug, name
		r.URL = docURL(d, f.slug)
		r.Snippet = html.EscapeString(characterLine(f, name))
	case docSection:
		f, err := e.filmOf(ctx, d.filmID)
		if err != nil {
			return r, err
		}
		var text string
		err = e.st.DB().QueryRowContext(ctx, "SELECT text FROM dossier_sections WHERE film_id = $1 AND ord = $2", d.ref, d.ord).Scan(&text)
		if err != nil {
			return r, fmt.Errorf("search: dossier section %d/%d: %w", d.ref, d.ord, err)
		}
		r.Slug, r.Year, r.FilmSlug, r.FilmTitle = f.slug, f.year, f.slug, f.title
		r.Section, r.Heading, r.URL = d.slug, d.name, docURL(d, f.slug)
		if r.Heading == "" && film.SectionKind(d.slug).Valid() {
			r.Heading = film.SectionKind(d.slug).Label()
		}
		anchor, err := e.sectionAnchor(ctx, d.ref, d.ord)
		if err != nil {
			return r, err
		}
		if anchor != "" {
			r.Anchor, r.URL = anchor, r.URL+"#"+anchor
		}
		r.Title = f.title
		if r.Heading != "" {
			r.Title += " — " + r.Heading
		}
		r.Snippet = snippet(p, text, false)
	}
	return r, nil
}

func characterLine(f filmRef, player string) string {
	s := "in " + f.title
	if f.year > 0 {
		s += " (" + strconv.Itoa(f.year) + ")"
	}
	if player != "" {
		s += ", played by " + player
	}
	return s
}
