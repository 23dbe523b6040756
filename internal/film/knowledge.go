package film

import (
	"strconv"
	"strings"
)

// SourceKind says where a fact came from.
type SourceKind string

// The source kinds. An import is a bulk catalog load (IMDb, MovieLens, an
// awards file, the demo catalog); an article is a filed dossier; an editor
// is a person who set the fact by hand.
const (
	SourceImport  SourceKind = "import"
	SourceArticle SourceKind = "article"
	SourceEditor  SourceKind = "editor"
)

// Source names where a fact came from and, when there is one, where a
// reader can check it.
type Source struct {
	Kind  SourceKind `json:"kind,omitempty"`
	Label string     `json:"label"`         // "IMDb import", "the article's Controversies section"
	URL   string     `json:"url,omitempty"` // a site path ("/films/x#advisory") or an external address
}

// Outcome is whether a nomination won.
type Outcome string

// The outcomes.
const (
	OutcomeWon       Outcome = "won"
	OutcomeNominated Outcome = "nominated"
)

// Award is one nomination or win at a ceremony, for a film, a person, or
// a person for a film.
type Award struct {
	Ceremony   string  `json:"ceremony"`             // "Cannes Film Festival", "Academy Awards"
	Year       int     `json:"year,omitempty"`       // the ceremony's edition
	Category   string  `json:"category"`             // "Palme d'Or", "Best Actor"
	Outcome    Outcome `json:"outcome"`              // won or nominated
	FilmSlug   string  `json:"film,omitempty"`       // the film honoured or the person's film
	PersonSlug string  `json:"person,omitempty"`     // the person honoured, if any
	Source     string  `json:"source,omitempty"`     // "import", "editor", or "article:<film slug>"
	SourceRef  string  `json:"source_ref,omitempty"` // the import file, the editor's name

	FilmTitle  string `json:"film_title,omitempty"`  // filled on reads
	FilmYear   int    `json:"film_year,omitempty"`   // filled on reads
	PersonName string `json:"person_name,omitempty"` // filled on reads
}

// AwardClaimField is the claim field under which a source that disagrees
// with an award's recorded outcome keeps its own ("award:Cannes Film
// Festival|2021|Palme d'Or|person-slug").
func AwardClaimField(a Award) string {
	return "award:" + a.Ceremony + "|" + strconv.Itoa(a.Year) + "|" + a.Category + "|" + a.PersonSlug
}

// Won reports whether the nomination won.
func (a Award) Won() bool { return a.Outcome == OutcomeWon }

// Validate reports an award without a ceremony, category, outcome or
// honouree.
func (a Award) Validate() error {
	switch {
	case strings.TrimSpace(a.Ceremony) == "":
		return invalid("award", "ceremony", "must not be empty")
	case strings.TrimSpace(a.Category) == "":
		return invalid("award", "category", "must not be empty")
	case a.Outcome != OutcomeWon && a.Outcome != OutcomeNominated:
		return invalidf("award", "outcome", "%q is not won or nominated", a.Outcome)
	case a.FilmSlug == "" && a.PersonSlug == "":
		return invalid("award", "film", "an award names a film, a person or both")
	case a.Year != 0 && (a.Year < 1900 || a.Year > MaxYear()):
		return invalidf("award", "year", "%d is outside 1900–%d", a.Year, MaxYear())
	}
	return nil
}

// Claim is one source's value for a fact that several sources may state
// differently, such as a budget from the box-office import and another
// from an article.
type Claim struct {
	Field     string `json:"field"` // "budget", "gross_worldwide", "runtime_min", …
	Value     string `json:"value"`
	Source    string `json:"source"`               // "import", "editor", "article"
	SourceRef string `json:"source_ref,omitempty"` // the file, editor or article
}

// Validate reports a claim without a field, value or source.
func (c Claim) Validate() error {
	switch {
	case strings.TrimSpace(c.Field) == "":
		return invalid("claim", "field", "must not be empty")
	case strings.TrimSpace(c.Value) == "":
		return invalid("claim", "value", "must not be empty")
	case c.Source == "":
		return invalid("claim", "source", "must not be empty")
	}
	return nil
}

// Answer is one answered question about a film or person: an authored
// pair from a dossier or one generated from facts, with its sources.
type Answer struct {
	Question  string   `json:"question"`
	Answer    string   `json:"answer"`
	Generated bool     `json:"generated"`
	Sources   []Source `json:"sources,omitempty"`
	Links     []Source `json:"links,omitempty"` // the films and people the answer names, with their pages
}

// ThemeStrength is a theme on a film with how strongly the film is about
// it (0–1) and which kinds of evidence said so.
type ThemeStrength struct {
	Theme
	Strength float64  `json:"strength"`
	Evidence []string `json:"evidence,omitempty"` // "catalog", "themes section", "faq", "text", "tags"
}
