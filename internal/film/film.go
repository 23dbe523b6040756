// Package film holds Marquee's domain types — films, people, credits,
// characters, dossiers and the facts around them — with their validation
// rules and the errors the rest of the program speaks in. It depends on
// nothing but the standard library.
package film

import (
	"regexp"
	"strings"
	"time"
)

// Film is one title in the catalog. Most fields are optional; Slug, Title
// and (for anything but an unreleased title) Year identify it.
type Film struct {
	ID            int64       `json:"-"`
	Slug          string      `json:"slug"`
	Title         string      `json:"title"`
	OriginalTitle string      `json:"original_title,omitempty"`
	Year          int         `json:"year,omitempty"`
	ReleaseDate   string      `json:"release_date,omitempty"` // YYYY-MM-DD
	RuntimeMin    int         `json:"runtime_min,omitempty"`
	Genres        []string    `json:"genres,omitempty"`
	Countries     []string    `json:"countries,omitempty"`
	Languages     []string    `json:"languages,omitempty"`
	Certification string      `json:"certification,omitempty"` // e.g. MPAA "R"
	Logline       string      `json:"logline,omitempty"`
	Setting       Setting     `json:"setting,omitzero"`
	TitleType     string      `json:"title_type,omitempty"` // IMDb titleType; "movie" when empty
	IDs           ExternalIDs `json:"ids,omitzero"`
	Rating        Rating      `json:"rating,omitzero"`
	Themes        []Theme     `json:"themes,omitempty"`
	UpdatedAt     time.Time   `json:"updated_at,omitzero"`
}

// Setting is where and when a film's story takes place.
type Setting struct {
	Place  string `json:"place,omitempty"`
	Period string `json:"period,omitempty"`
}

// ExternalIDs links an entity to other databases.
type ExternalIDs struct {
	IMDb     string `json:"imdb,omitempty"`     // tt… for films, nm… for people
	Wikidata string `json:"wikidata,omitempty"` // Q…
	TMDB     int64  `json:"tmdb,omitempty"`
}

// Rating is an aggregate rating: the mean on a 0–10 scale and the number of
// votes behind it.
type Rating struct {
	Average float64 `json:"average,omitempty"`
	Votes   int64   `json:"votes,omitempty"`
}

// Person is anyone credited on a film.
type Person struct {
	ID          int64       `json:"-"`
	Slug        string      `json:"slug"`
	Name        string      `json:"name"`
	BirthYear   int         `json:"birth_year,omitempty"`
	DeathYear   int         `json:"death_year,omitempty"`
	Professions []string    `json:"professions,omitempty"`
	IDs         ExternalIDs `json:"ids,omitzero"`
}

// Role is what a person did on a film.
type Role string

// The roles a credit can carry.
const (
	RoleDirector        Role = "director"
	RoleWriter          Role = "writer"
	RoleCast            Role = "cast"
	RoleCinematographer Role = "cinematographer"
	RoleComposer        Role = "composer"
	RoleEditor          Role = "editor"
	RoleProducer        Role = "producer"
	RoleOther           Role = "other"
)

// Roles lists every valid role in display order.
var Roles = []Role{RoleDirector, RoleWriter, RoleCast, RoleCinematographer, RoleComposer, RoleEditor, RoleProducer, RoleOther}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// Credit ties a person to a film in a role. Character is set for cast.
type Credit struct {
	FilmSlug   string `json:"film"`
	PersonSlug string `json:"person"`
	Role       Role   `json:"role"`
	// Character is the role played; several characters of one credit are
	// joined by CharacterSep in the source's order ("Ani / Anora Mikheeva").
	Character string `json:"character,omitempty"`
	// Job is the source's own words for a crew credit ("director of
	// photography", "screenplay"); empty when the role says it all.
	Job     string `json:"job,omitempty"`
	Billing int    `json:"billing,omitempty"` // 1 = top billed; 0 = unknown

	// Filled on reads for display; ignored on writes.
	PersonName string `json:"person_name,omitempty"`
	FilmTitle  string `json:"film_title,omitempty"`
	FilmYear   int    `json:"film_year,omitempty"`
}

// CharacterSep joins the characters of one credit.
const CharacterSep = " / "

// JoinCharacters is the Character of a credit playing names, in order.
func JoinCharacters(names []string) string { return strings.Join(names, CharacterSep) }

// Character is a role in a film's story.
type Character struct {
	FilmSlug     string `json:"film"`
	Slug         string `json:"slug"`
	Name         string `json:"name"`
	Description  string `json:"description,omitempty"`
	PlayedBySlug string `json:"played_by,omitempty"`

	PlayedByName string `json:"played_by_name,omitempty"` // filled on reads
	FilmTitle    string `json:"film_title,omitempty"`     // filled on reads
}

// ThemeKind says whether a tag names a theme or a motif.
type ThemeKind string

// The theme kinds.
const (
	KindTheme ThemeKind = "theme"
	KindMotif ThemeKind = "motif"
)

// Theme is a theme or motif tag on a film.
type Theme struct {
	Slug string    `json:"slug"`
	Name string    `json:"name"`
	Kind ThemeKind `json:"kind"`
}

var (
	slugRe     = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	imdbFilmRe = regexp.MustCompile(`^tt[0-9]{7,10}$`)
	imdbNameRe = regexp.MustCompile(`^nm[0-9]{7,10}$`)
	wikidataRe = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	dateRe     = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// MaxYear is the latest year a film may carry: a few years ahead of now,
// for announced productions.
func MaxYear() int { return time.Now().Year() + 10 }

// MinYear is the earliest plausible year for a film.
const MinYear = 1870

// Validate reports the first invalid field of f as a *ValidationError.
func (f *Film) Validate() error {
	if err := validSlug("film", f.Slug); err != nil {
		return err
	}
	if strings.TrimSpace(f.Title) == "" {
		return invalid("film", "title", "must not be empty")
	}
	if f.Year != 0 && (f.Year < MinYear || f.Year > MaxYear()) {
		return invalidf("film", "year", "%d is outside %d–%d", f.Year, MinYear, MaxYear())
	}
	if f.ReleaseDate != "" {
		if _, err := time.Parse("2006-01-02", f.ReleaseDate); err != nil || !dateRe.MatchString(f.ReleaseDate) {
			return invalidf("film", "release_date", "%q is not a YYYY-MM-DD date", f.ReleaseDate)
		}
	}
	if f.RuntimeMin < 0 || f.RuntimeMin > 100000 {
		return invalidf("film", "runtime_min", "%d is not a plausible runtime in minutes", f.RuntimeMin)
	}
	if f.IDs.IMDb != "" && !imdbFilmRe.MatchString(f.IDs.IMDb) {
		return invalidf("film", "ids.imdb", "%q is not an IMDb title id (tt…)", f.IDs.IMDb)
	}
	if f.IDs.Wikidata != "" && !wikidataRe.MatchString(f.IDs.Wikidata) {
		return invalidf("film", "ids.wikidata", "%q is not a Wikidata id (Q…)", f.IDs.Wikidata)
	}
	if f.IDs.TMDB < 0 {
		return invalid("film", "ids.tmdb", "must not be negative")
	}
	if f.Rating.Average < 0 || f.Rating.Average > 10 || f.Rating.Votes < 0 {
		return invalid("film", "rating", "average must be 0–10 and votes not negative")
	}
	for _, t := range f.Themes {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate reports the first invalid field of p.
func (p *Person) Validate() error {
	if err := validSlug("person", p.Slug); err != nil {
		return err
	}
	if strings.TrimSpace(p.Name) == "" {
		return invalid("person", "name", "must not be empty")
	}
	if p.BirthYear != 0 && (p.BirthYear < 1750 || p.BirthYear > time.Now().Year()) {
		return invalidf("person", "birth_year", "%d is not plausible", p.BirthYear)
	}
	if p.DeathYear != 0 && (p.DeathYear < 1750 || p.DeathYear > time.Now().Year()) {
		return invalidf("person", "death_year", "%d is not plausible", p.DeathYear)
	}
	if p.BirthYear != 0 && p.DeathYear != 0 && p.DeathYear < p.BirthYear {
		return invalid("person", "death_year", "is before birth_year")
	}
	if p.IDs.IMDb != "" && !imdbNameRe.MatchString(p.IDs.IMDb) {
		return invalidf("person", "ids.imdb", "%q is not an IMDb name id (nm…)", p.IDs.IMDb)
	}
	return nil
}

// Validate reports the first invalid field of c.
func (c *Credit) Validate() error {
	if c.FilmSlug == "" {
		return invalid("credit", "film", "must not be empty")
	}
	if c.PersonSlug == "" {
		return invalid("credit", "person", "must not be empty")
	}
	if !c.Role.Valid() {
		return invalidf("credit", "role", "%q is not one of director, writer, cast, cinematographer, composer, editor, producer, other", c.Role)
	}
	if c.Character != "" && c.Role != RoleCast {
		return invalid("credit", "character", "only cast credits name a character")
	}
	if c.Billing < 0 {
		return invalid("credit", "billing", "must not be negative")
	}
	return nil
}

// Validate reports the first invalid field of c.
func (c *Character) Validate() error {
	if c.FilmSlug == "" {
		return invalid("character", "film", "must not be empty")
	}
	if strings.TrimSpace(c.Name) == "" {
		return invalid("character", "name", "must not be empty")
	}
	return validSlug("character", c.Slug)
}

// Validate reports whether t is a usable tag.
func (t Theme) Validate() error {
	if strings.TrimSpace(t.Name) == "" {
		return invalid("theme", "name", "must not be empty")
	}
	if t.Kind != KindTheme && t.Kind != KindMotif {
		return invalidf("theme", "kind", "%q is not theme or motif", t.Kind)
	}
	if t.Slug == "" {
		return nil // the store derives it from the name's vocabulary key
	}
	return validSlug("theme", t.Slug)
}

func validSlug(entity, s string) error {
	if s == "" {
		return invalid(entity, "slug", "must not be empty")
	}
	if len(s) > 200 || !slugRe.MatchString(s) {
		return invalidf(entity, "slug", "%q must be lower-case letters, digits and single hyphens", s)
	}
	return nil
}
