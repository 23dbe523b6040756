package film

import (
	"errors"
	"testing"
)

func TestFilmValidate(t *testing.T) {
	ok := func() Film { return Film{Slug: "red-rocket-2021", Title: "Red Rocket", Year: 2021, RuntimeMin: 130} }
	tests := []struct {
		name  string
		edit  func(*Film)
		field string // "" means valid
	}{
		{"valid", func(f *Film) {}, ""},
		{"empty title", func(f *Film) { f.Title = "  " }, "title"},
		{"year 3000", func(f *Film) { f.Year = 3000 }, "year"},
		{"year 1700", func(f *Film) { f.Year = 1700 }, "year"},
		{"negative runtime", func(f *Film) { f.RuntimeMin = -5 }, "runtime_min"},
		{"bad slug", func(f *Film) { f.Slug = "Red Rocket" }, "slug"},
		{"empty slug", func(f *Film) { f.Slug = "" }, "slug"},
		{"bad date", func(f *Film) { f.ReleaseDate = "2021-13-40" }, "release_date"},
		{"good date", func(f *Film) { f.ReleaseDate = "2021-12-10" }, ""},
		{"bad imdb", func(f *Film) { f.IDs.IMDb = "nm0048874" }, "ids.imdb"},
		{"good imdb", func(f *Film) { f.IDs.IMDb = "tt5649144" }, ""},
		{"bad wikidata", func(f *Film) { f.IDs.Wikidata = "X1" }, "ids.wikidata"},
		{"rating over 10", func(f *Film) { f.Rating.Average = 11 }, "rating"},
		{"bad theme kind", func(f *Film) { f.Themes = []Theme{{Slug: "x", Name: "X", Kind: "mood"}} }, "kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok()
			tt.edit(&f)
			err := f.Validate()
			checkField(t, err, tt.field)
		})
	}
}

func checkField(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a ValidationError on %s", err, field)
	}
	if ve.Field != field {
		t.Errorf("error names field %q, want %q (%v)", ve.Field, field, err)
	}
}

func TestPersonCreditCharacterValidate(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"person ok", (&Person{Slug: "sean-baker", Name: "Sean Baker", BirthYear: 1971}).Validate(), ""},
		{"person no name", (&Person{Slug: "x"}).Validate(), "name"},
		{"person born 3000", (&Person{Slug: "x", Name: "X", BirthYear: 3000}).Validate(), "birth_year"},
		{"person died before born", (&Person{Slug: "x", Name: "X", BirthYear: 1950, DeathYear: 1940}).Validate(), "death_year"},
		{"person bad imdb", (&Person{Slug: "x", Name: "X", IDs: ExternalIDs{IMDb: "tt1234567"}}).Validate(), "ids.imdb"},
		{"credit ok", (&Credit{FilmSlug: "a", PersonSlug: "b", Role: RoleCast, Character: "Mikey"}).Validate(), ""},
		{"credit unknown role", (&Credit{FilmSlug: "a", PersonSlug: "b", Role: "gaffer"}).Validate(), "role"},
		{"credit character on director", (&Credit{FilmSlug: "a", PersonSlug: "b", Role: RoleDirector, Character: "X"}).Validate(), "character"},
		{"credit no film", (&Credit{PersonSlug: "b", Role: RoleCast}).Validate(), "film"},
		{"character ok", (&Character{FilmSlug: "a", Slug: "mikey", Name: "Mikey"}).Validate(), ""},
		{"character no name", (&Character{FilmSlug: "a", Slug: "mikey"}).Validate(), "name"},
		{"advisory bad category", Advisory{Category: "gore", Severity: SeverityMild}.Validate(), "category"},
		{"advisory bad severity", Advisory{Category: AdvisorySex, Severity: "extreme"}.Validate(), "severity"},
		{"relation to itself", Relation{FilmSlug: "a", OtherSlug: "a", Kind: RelSimilar}.Validate(), "other"},
		{"relation bad kind", Relation{FilmSlug: "a", OtherSlug: "b", Kind: "cousin"}.Validate(), "kind"},
		{"box office negative gross", BoxOffice{Grosses: []Gross{{Territory: "domestic", Amount: -1}}}.Validate(), "grosses.amount"},
		{"dossier empty", (&Dossier{}).Validate(), "sections"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkField(t, tt.err, tt.field) })
	}
}

func TestSlugs(t *testing.T) {
	tests := []struct{ in, want string }{
		{FilmSlug("Red Rocket", 2021), "red-rocket-2021"},
		{FilmSlug("Amélie", 2001), "amelie-2001"},
		{FilmSlug("The Florida Project", 2017), "the-florida-project-2017"},
		{FilmSlug("Who's Who?", 0), "whos-who"},
		{FilmSlug("東京物語", 1953), "film-1953"},
		{PersonSlug("Mickey O'Hagan"), "mickey-ohagan"},
		{PersonSlug("Alexis Zabé"), "alexis-zabe"},
		{Slugify("  --Sin-Dee   Rella!! "), "sin-dee-rella"},
		{Fold("AMÉLIE’s"), "amelie's"},
	}
	for _, tt := range tests {
		if tt.in != tt.want {
			t.Errorf("got %q, want %q", tt.in, tt.want)
		}
	}
}

func TestBoxOfficeTotal(t *testing.T) {
	b := BoxOffice{Grosses: []Gross{{"domestic", 5}, {"international", 6}}}
	if b.Total() != 11 {
		t.Errorf("sum = %d", b.Total())
	}
	b.Grosses = append(b.Grosses, Gross{"worldwide", 12})
	if b.Total() != 12 {
		t.Errorf("worldwide = %d", b.Total())
	}
}
