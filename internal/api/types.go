package api

import (
	"marquee/internal/film"
	"marquee/internal/store"
)

// FilmSummary is a film in a list.
type FilmSummary struct {
	Slug          string   `json:"slug"`
	Title         string   `json:"title"`
	Year          int      `json:"year,omitempty"`
	RuntimeMin    int      `json:"runtime_min,omitempty"`
	Genres        []string `json:"genres"`
	Certification string   `json:"certification,omitempty"`
	IMDb          string   `json:"imdb,omitempty"`
	Rating        float64  `json:"rating,omitempty"` // mean on a 0–10 scale
	Votes         int64    `json:"votes,omitempty"`
	URL           string   `json:"url"`
}

// FilmList is a page of films; NextCursor is empty on the last page.
type FilmList struct {
	Films      []FilmSummary `json:"films"`
	Total      int           `json:"total"` // films the filter selects, over all pages
	NextCursor string        `json:"next_cursor"`
}

// FilmDetail is one film with everything known about it.
type FilmDetail struct {
	Film       *film.Film       `json:"film"`
	Credits    []film.Credit    `json:"credits"`
	Characters []film.Character `json:"characters"`
	BoxOffice  *film.BoxOffice  `json:"box_office"`
	Festivals  []film.Festival  `json:"festivals"`
	Advisories []film.Advisory  `json:"advisories"`
	Relations  []film.Relation  `json:"relations"`
	Dossier    *film.Dossier    `json:"dossier"`
	URL        string           `json:"url"`

	Awards            []film.Award         `json:"awards"`
	FAQ               []film.Answer        `json:"faq"`                // authored, then generated
	ArticleAdvisories []film.Advisory      `json:"article_advisories"` // read from the dossier
	Themes            []film.ThemeStrength `json:"themes"`             // strongest first
}

// PersonSummary is a person in a list.
type PersonSummary struct {
	Slug        string   `json:"slug"`
	Name        string   `json:"name"`
	BirthYear   int      `json:"birth_year,omitempty"`
	DeathYear   int      `json:"death_year,omitempty"`
	Professions []string `json:"professions"`
	URL         string   `json:"url"`
}

// PersonList is a page of people; NextCursor is empty on the last page.
type PersonList struct {
	People     []PersonSummary `json:"people"`
	Total      int             `json:"total"` // people in the catalog, over all pages
	NextCursor string          `json:"next_cursor"`
}

// PersonDetail is one person with their credits, characters and the
// dossiers that mention them.
type PersonDetail struct {
	Person      *film.Person     `json:"person"`
	Credits     []film.Credit    `json:"credits"`
	Characters  []film.Character `json:"characters"`
	MentionedIn []store.FilmRef  `json:"mentioned_in"`
	Biography   *store.PersonBio `json:"biography"` // null when no import gave one
	URL         string           `json:"url"`
}

// nonNil returns s, or an empty slice when s is nil, so JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// normalizeDossier makes every list in d encode as [] rather than null.
func normalizeDossier(d *film.Dossier) {
	d.Sections = nonNil(d.Sections)
	for i := range d.Sections {
		d.Sections[i].Subsections = nonNil(d.Sections[i].Subsections)
	}
	d.FAQ = nonNil(d.FAQ)
	d.Cast = nonNil(d.Cast)
	d.Quotes = nonNil(d.Quotes)
	d.Film.Directors = nonNil(d.Film.Directors)
	d.Mentions.Films = nonNil(d.Mentions.Films)
	d.Mentions.People = nonNil(d.Mentions.People)
	d.Mentions.Places = nonNil(d.Mentions.Places)
	d.Mentions.Publications = nonNil(d.Mentions.Publications)
}
