package film

import (
	"strings"
	"time"
)

// SectionKind is the canonical kind of a dossier section, whatever its
// heading says.
type SectionKind string

// The canonical section kinds, in the order of the reference dossier.
const (
	SectionIntroduction   SectionKind = "introduction"
	SectionSynopsis       SectionKind = "synopsis"
	SectionPlot           SectionKind = "plot"
	SectionThemes         SectionKind = "themes"
	SectionCharacters     SectionKind = "characters"
	SectionCinematography SectionKind = "cinematography"
	SectionSound          SectionKind = "sound"
	SectionReception      SectionKind = "reception"
	SectionImpact         SectionKind = "impact"
	SectionComparisons    SectionKind = "comparisons"
	SectionControversies  SectionKind = "controversies"
	SectionProduction     SectionKind = "production"
	SectionVision         SectionKind = "vision"
	SectionBoxOffice      SectionKind = "box_office"
	SectionFanTheories    SectionKind = "fan_theories"
	SectionReview         SectionKind = "review"
	SectionConclusion     SectionKind = "conclusion"
	SectionFAQ            SectionKind = "faq"
	SectionOther          SectionKind = "other"
)

// SectionKinds lists every kind in reference order.
var SectionKinds = []SectionKind{
	SectionIntroduction, SectionSynopsis, SectionPlot, SectionThemes, SectionCharacters,
	SectionCinematography, SectionSound, SectionReception, SectionImpact, SectionComparisons,
	SectionControversies, SectionProduction, SectionVision, SectionBoxOffice, SectionFanTheories,
	SectionReview, SectionConclusion, SectionFAQ, SectionOther,
}

// Valid reports whether k is one of SectionKinds.
func (k SectionKind) Valid() bool {
	for _, v := range SectionKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Label is the kind's display name, used when a section has no heading.
func (k SectionKind) Label() string {
	switch k {
	case SectionBoxOffice:
		return "Box Office"
	case SectionFanTheories:
		return "Fan Theories"
	case SectionFAQ:
		return "FAQ"
	case SectionVision:
		return "Director's Vision"
	case SectionSound:
		return "Soundtrack and Sound Design"
	case SectionProduction:
		return "Behind the Scenes"
	case SectionComparisons:
		return "Comparison to Other Films"
	}
	s := string(k)
	return strings.ToUpper(s[:1]) + s[1:]
}

// BlockKind is the shape of a piece of section content.
type BlockKind string

// The block kinds. Lists and tables stay structured rather than being
// flattened into prose.
const (
	BlockParagraph BlockKind = "paragraph"
	BlockList      BlockKind = "list"
	BlockTable     BlockKind = "table"
)

// Block is one paragraph, list or table of a section or sub-section.
type Block struct {
	Kind    BlockKind  `json:"kind"`
	Text    string     `json:"text,omitempty"`    // paragraph
	Items   []string   `json:"items,omitempty"`   // list
	Ordered bool       `json:"ordered,omitempty"` // list
	Header  []string   `json:"header,omitempty"`  // table
	Rows    [][]string `json:"rows,omitempty"`    // table
	Line    int        `json:"line,omitempty"`    // 1-based source line
}

// PlainText renders the block as plain prose, for search and snippets.
func (b Block) PlainText() string {
	switch b.Kind {
	case BlockList:
		return strings.Join(b.Items, "\n")
	case BlockTable:
		var lines []string
		if len(b.Header) > 0 {
			lines = append(lines, strings.Join(b.Header, " | "))
		}
		for _, r := range b.Rows {
			lines = append(lines, strings.Join(r, " | "))
		}
		return strings.Join(lines, "\n")
	}
	return b.Text
}

// Subsection is a labelled part of a section: a "Label: text" paragraph or
// a sub-heading with what follows it.
type Subsection struct {
	Label  string  `json:"label"`
	Text   string  `json:"text"` // all blocks as plain text, paragraphs separated by blank lines
	Blocks []Block `json:"blocks,omitempty"`
	Line   int     `json:"line,omitempty"`
}

// Section is one part of a dossier. Blocks before the first sub-section
// are the section's own; Text is every block of the section (its own and
// its sub-sections') as plain text.
type Section struct {
	Kind        SectionKind  `json:"kind"`
	Heading     string       `json:"heading"` // as written, without numbering
	Text        string       `json:"text"`
	Blocks      []Block      `json:"blocks,omitempty"`
	Subsections []Subsection `json:"subsections"`
	Line        int          `json:"line,omitempty"`
}

// FAQ is one question and its answer.
type FAQ struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Line     int    `json:"line,omitempty"`
}

// Quote is a quotation attributed in the article.
type Quote struct {
	Text    string      `json:"text"`
	Speaker string      `json:"speaker"`
	Source  string      `json:"source"`
	Section SectionKind `json:"section,omitempty"`
	Line    int         `json:"line,omitempty"`

	SpeakerSlug string `json:"speaker_slug,omitempty"` // linked person, if any
}

// CastPair is an actor and the character they play, as the article says.
type CastPair struct {
	Person    string `json:"person"`
	Character string `json:"character"`

	PersonSlug string `json:"person_slug,omitempty"` // linked person, if any
}

// Mentions lists what the article names, by kind, in first-seen order.
type Mentions struct {
	Films        []string `json:"films"`
	People       []string `json:"people"`
	Places       []string `json:"places"`
	Publications []string `json:"publications"`
}

// Link ties a mention to a catalog entity.
type Link struct {
	Kind string `json:"kind"` // "film", "person", "place", "publication"
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// Noise is page furniture removed from the article (bylines, "Advertisement",
// "Share this article"), reported so nothing disappears silently.
type Noise struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// ArticleFact kinds.
const (
	FactBudget         = "budget"
	FactGross          = "gross"
	FactRuntime        = "runtime"
	FactReleaseDate    = "release_date"
	FactAwardWon       = "award_won"
	FactAwardNominated = "award_nominated"
	FactFestival       = "festival"
	FactCountry        = "country"
)

// ArticleFact is a fact about the film that an article states. It is a
// proposal with the article as its source: it never overwrites a fact
// imported into the catalog.
type ArticleFact struct {
	Kind      string `json:"kind"`                // one of the Fact* kinds
	Value     string `json:"value"`               // as the article writes it ("$11.8 million", "132 minutes", "Palme d'Or")
	Amount    int64  `json:"amount,omitempty"`    // money in whole units of Currency; minutes for a runtime
	Currency  string `json:"currency,omitempty"`  // ISO 4217 code for money
	Territory string `json:"territory,omitempty"` // "worldwide", "domestic", "North America", …
	Line      int    `json:"line,omitempty"`      // 1-based line in the article
	Context   string `json:"context,omitempty"`   // the sentence it was read from
}

// DossierFilm names the film a dossier is about.
type DossierFilm struct {
	Slug      string   `json:"slug"`
	Title     string   `json:"title"`
	Year      int      `json:"year,omitempty"`
	Directors []string `json:"directors"`
}

// Dossier is the long-form article on a film, parsed into canonical parts.
type Dossier struct {
	Film     DossierFilm `json:"film"`
	Title    string      `json:"title,omitempty"` // the article's own title line, if any
	Sections []Section   `json:"sections"`
	FAQ      []FAQ       `json:"faq"`
	Cast     []CastPair  `json:"cast"`
	Quotes   []Quote     `json:"quotes"`
	Mentions Mentions    `json:"mentions"`
	Links    []Link      `json:"links,omitempty"`
	Noise    []Noise     `json:"noise,omitempty"`
	Warnings []string    `json:"warnings,omitempty"`

	Format     string        `json:"format,omitempty"`     // what the input was read as: text, markdown, html, wikitext
	Interview  []FAQ         `json:"interview,omitempty"`  // an interview's questions and answers, apart from the FAQ
	References []string      `json:"references,omitempty"` // back matter kept as data: references, notes, external links
	Facts      []ArticleFact `json:"facts,omitempty"`      // facts the article states, proposed with the article as source

	Source    string    `json:"source,omitempty"` // file name it came from
	Revision  int       `json:"revision,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Section returns the first section of kind k, or nil.
func (d *Dossier) Section(k SectionKind) *Section {
	for i := range d.Sections {
		if d.Sections[i].Kind == k {
			return &d.Sections[i]
		}
	}
	return nil
}

// Validate reports a dossier that cannot be stored.
func (d *Dossier) Validate() error {
	if len(d.Sections) == 0 && len(d.FAQ) == 0 {
		return invalid("dossier", "sections", "has no sections and no FAQ")
	}
	for _, s := range d.Sections {
		if !s.Kind.Valid() {
			return invalidf("dossier", "sections.kind", "%q is not a section kind", s.Kind)
		}
	}
	for _, f := range d.FAQ {
		if strings.TrimSpace(f.Question) == "" {
			return invalid("dossier", "faq.question", "must not be empty")
		}
	}
	return nil
}
