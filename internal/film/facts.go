package film

import "strings"

// BoxOffice is what a film earned and cost. Amounts are whole units of
// Currency (USD when empty).
type BoxOffice struct {
	Currency       string   `json:"currency,omitempty"`
	Budget         int64    `json:"budget,omitempty"`
	OpeningWeekend int64    `json:"opening_weekend,omitempty"`
	ReleaseType    string   `json:"release_type,omitempty"` // "limited", "wide", "festival", "streaming"
	Grosses        []Gross  `json:"grosses,omitempty"`
	Rankings       []string `json:"rankings,omitempty"` // e.g. "#12 of 2021 indie releases"
	Source         string   `json:"source,omitempty"`
}

// Gross is the takings in one territory: "domestic" (US and Canada),
// "international", "worldwide", or a country name.
type Gross struct {
	Territory string `json:"territory"`
	Amount    int64  `json:"amount"`
}

// Total returns the worldwide gross if given, else the sum of the others.
func (b BoxOffice) Total() int64 {
	var sum int64
	for _, g := range b.Grosses {
		if strings.EqualFold(g.Territory, "worldwide") {
			return g.Amount
		}
		sum += g.Amount
	}
	return sum
}

// Validate reports implausible box-office figures.
func (b BoxOffice) Validate() error {
	if b.Budget < 0 || b.OpeningWeekend < 0 {
		return invalid("box_office", "budget", "must not be negative")
	}
	for _, g := range b.Grosses {
		if g.Territory == "" {
			return invalid("box_office", "grosses.territory", "must not be empty")
		}
		if g.Amount < 0 {
			return invalidf("box_office", "grosses.amount", "%d for %s is negative", g.Amount, g.Territory)
		}
	}
	return nil
}

// Festival is a screening of a film at a festival, with any prize.
type Festival struct {
	Name    string `json:"name"`
	Year    int    `json:"year,omitempty"`
	Section string `json:"section,omitempty"` // "Competition", "Directors' Fortnight"
	Award   string `json:"award,omitempty"`   // prize won or nominated for
	Won     bool   `json:"won,omitempty"`
}

// Validate reports an unnamed festival.
func (f Festival) Validate() error {
	if strings.TrimSpace(f.Name) == "" {
		return invalid("festival", "name", "must not be empty")
	}
	return nil
}

// AdvisoryCategory is a kind of content parents and viewers ask about.
type AdvisoryCategory string

// The advisory categories, after IMDb's parents guide.
const (
	AdvisorySex         AdvisoryCategory = "sex_nudity"
	AdvisoryViolence    AdvisoryCategory = "violence_gore"
	AdvisoryProfanity   AdvisoryCategory = "profanity"
	AdvisorySubstances  AdvisoryCategory = "alcohol_drugs_smoking"
	AdvisoryFrightening AdvisoryCategory = "frightening"
)

// AdvisoryCategories lists the categories in display order.
var AdvisoryCategories = []AdvisoryCategory{AdvisorySex, AdvisoryViolence, AdvisoryProfanity, AdvisorySubstances, AdvisoryFrightening}

// Label is the category's human name.
func (c AdvisoryCategory) Label() string {
	switch c {
	case AdvisorySex:
		return "Sex & nudity"
	case AdvisoryViolence:
		return "Violence & gore"
	case AdvisoryProfanity:
		return "Profanity"
	case AdvisorySubstances:
		return "Alcohol, drugs & smoking"
	case AdvisoryFrightening:
		return "Frightening & intense scenes"
	}
	return string(c)
}

// Severity grades an advisory.
type Severity string

// The severities, mildest first.
const (
	SeverityNone     Severity = "none"
	SeverityMild     Severity = "mild"
	SeverityModerate Severity = "moderate"
	SeveritySevere   Severity = "severe"
)

// Rank orders severities: none 0 … severe 3, unknown -1.
func (s Severity) Rank() int {
	switch s {
	case SeverityNone:
		return 0
	case SeverityMild:
		return 1
	case SeverityModerate:
		return 2
	case SeveritySevere:
		return 3
	}
	return -1
}

// Advisory is one content advisory on a film.
type Advisory struct {
	Category AdvisoryCategory `json:"category"`
	Severity Severity         `json:"severity"`
	Note     string           `json:"note,omitempty"`
	Source   string           `json:"source,omitempty"` // "import" (the default), "editor"
}

// Validate reports an unknown category or severity.
func (a Advisory) Validate() error {
	ok := false
	for _, c := range AdvisoryCategories {
		ok = ok || c == a.Category
	}
	if !ok {
		return invalidf("advisory", "category", "%q is not one of sex_nudity, violence_gore, profanity, alcohol_drugs_smoking, frightening", a.Category)
	}
	if a.Severity.Rank() < 0 {
		return invalidf("advisory", "severity", "%q is not none, mild, moderate or severe", a.Severity)
	}
	return nil
}

// RelationKind says how two films relate.
type RelationKind string

// The relation kinds.
const (
	RelSimilar   RelationKind = "similar"
	RelSequel    RelationKind = "sequel"
	RelRemake    RelationKind = "remake"
	RelInfluence RelationKind = "influenced_by"
	RelCompanion RelationKind = "companion" // same director, shared world
)

// Relation links a film to another with a reason a reader can check.
type Relation struct {
	FilmSlug  string       `json:"film"`
	OtherSlug string       `json:"other"`
	Kind      RelationKind `json:"kind"`
	Reason    string       `json:"reason,omitempty"`

	OtherTitle string `json:"other_title,omitempty"` // filled on reads
	OtherYear  int    `json:"other_year,omitempty"`
}

// Validate reports a relation without both ends or with itself.
func (r Relation) Validate() error {
	if r.FilmSlug == "" || r.OtherSlug == "" {
		return invalid("relation", "other", "both films must be named")
	}
	if r.FilmSlug == r.OtherSlug {
		return invalid("relation", "other", "a film cannot relate to itself")
	}
	switch r.Kind {
	case RelSimilar, RelSequel, RelRemake, RelInfluence, RelCompanion:
	default:
		return invalidf("relation", "kind", "%q is not similar, sequel, remake, influenced_by or companion", r.Kind)
	}
	return nil
}
