package dossier

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"marquee/internal/film"
)

// realArticle is what a reader finds in one article of the real corpus
// (testdata/real, see its NOTICE.md): written by reading the article,
// never by running the parser. Every expectation becomes one check; a
// check the parser does not pass yet is named in known, so the list of
// misreadings stays in view and shrinks as the parser learns.
type realArticle struct {
	file      string
	format    string
	title     string
	year      int
	directors []string
	kinds     []film.SectionKind
	cast      []film.CastPair
	quotes    [][2]string // {start, who}: who is the speaker or the publication, "" when the sentence names no one
	facts     []string    // "kind=value" the article states
	notFacts  []string    // "kind=value" the article does not state of this film
	films     []string    // titles the article names as films
	notFilms  []string    // names that are books, papers, series, episodes, awards, nicknames
	refs      int         // at least this many references kept as data
	known     []string    // checks that fail today, by their key
}

var realArticles = []realArticle{
	{file: "gladiator.html", format: "html", title: "Gladiator", year: 2000, directors: []string{"Ridley Scott"},
		kinds: []film.SectionKind{"introduction", "plot", "characters"},
		cast: []film.CastPair{{Person: "Russell Crowe", Character: "Maximus Decimus Meridius"}, {Person: "Joaquin Phoenix", Character: "Commodus"},
			{Person: "Connie Nielsen", Character: "Lucilla"}, {Person: "Oliver Reed", Character: "Antonius Proximo"},
			{Person: "Derek Jacobi", Character: "Senator Gracchus"}, {Person: "Djimon Hounsou", Character: "Juba"},
			{Person: "Richard Harris", Character: "Marcus Aurelius"}, {Person: "Ralf Möller", Character: "Hagen"},
			{Person: "Tommy Flanagan", Character: "Cicero"}, {Person: "David Schofield", Character: "Senator Falco"},
			{Person: "John Shrapnel", Character: "Senator Gaius"}, {Person: "Tomas Arana", Character: "General Quintus"},
			{Person: "Spencer Treat Clark", Character: "Lucius Verus"}, {Person: "David Hemmings", Character: "Cassius"},
			{Person: "Sven-Ole Thorsen", Character: "Tigris of Gaul"}, {Person: "Adam Levy", Character: "Condemned Officer"}},
		facts:    []string{"gross=$460.5 million", "award_won=Best Picture"},
		films:    []string{"Mission: Impossible 2"},
		notFilms: []string{"Those About to Die", "The Way of the Gladiator"},
		known:    []string{"film:Mission: Impossible 2", "notfilm:The Way of the Gladiator", "fact:award_won=Best Picture"}},
	{file: "goodfellas.html", format: "html", title: "Goodfellas", year: 1990, directors: []string{"Martin Scorsese"},
		kinds:    []film.SectionKind{"introduction", "plot"},
		quotes:   [][2]string{{"arguably the high point", "Rotten Tomatoes"}, {"culturally, historically", ""}},
		facts:    []string{"festival=Venice International Film Festival", "budget=$25 million", "gross=$47 million", "award_won=Silver Lion", "release_date=September 19 1990", "award_nominated=Best Picture"},
		notFilms: []string{"Wiseguy"},
		known:    []string{"fact:award_won=Silver Lion"}},
	{file: "skyfall.html", format: "html", title: "Skyfall", year: 2012, directors: []string{"Sam Mendes"},
		kinds: []film.SectionKind{"introduction"},
		cast: []film.CastPair{{Person: "Daniel Craig", Character: "James Bond"}, {Person: "Javier Bardem", Character: "Raoul Silva"},
			{Person: "Judi Dench", Character: "M"}, {Person: "Naomie Harris", Character: "Miss Moneypenny"}, {Person: "Ben Whishaw", Character: "Q"}},
		facts:    []string{"release_date=23 October 2012", "gross=$1 billion", "award_won=Best Sound Editing", "award_won=Outstanding British Film"},
		films:    []string{"Quantum of Solace", "Dr. No", "Spectre"},
		notFilms: []string{"James Bond"},
		known:    []string{"film:Dr. No", "cast:Daniel Craig=James Bond", "cast:Judi Dench=M"}},
	{file: "uncharted.html", format: "html", title: "Uncharted", year: 2022, directors: []string{"Ruben Fleischer"},
		kinds: []film.SectionKind{"introduction"},
		cast: []film.CastPair{{Person: "Tom Holland", Character: "Nathan Drake"}, {Person: "Mark Wahlberg", Character: "Victor Sullivan"},
			{Person: "Antonio Banderas", Character: "Santiago Moncada"}, {Person: "Tati Gabrielle", Character: "Jo Braddock"}},
		facts:    []string{"gross=$401.7 million", "release_date=February 7 2022"},
		notFacts: []string{"release_date=December 18 2020"},
		known:    []string{}},
	{file: "doctor-strange.html", format: "html", title: "Doctor Strange", year: 2016, directors: []string{"Scott Derrickson"},
		kinds:    []film.SectionKind{"introduction", "plot"},
		cast:     []film.CastPair{{Person: "Benedict Cumberbatch", Character: "Stephen Strange"}},
		facts:    []string{"gross=$677 million", "award_nominated=Best Visual Effects", "release_date=October 13 2016"},
		notFacts: []string{"release_date=May 2022"},
		films:    []string{"Doctor Strange in the Multiverse of Madness"},
		known:    []string{}},
	{file: "bad-boys.html", format: "html", title: "Bad Boys", year: 1995, directors: []string{"Michael Bay"},
		kinds:    []film.SectionKind{"introduction", "plot", "production"},
		cast:     []film.CastPair{{Person: "Martin Lawrence", Character: "Marcus Burnett"}, {Person: "Will Smith", Character: "Mike Lowrey"}},
		quotes:   [][2]string{{"Bad Boys, huh?", "Will"}},
		films:    []string{"Bad Boys II", "Bad Boys for Life"},
		notFilms: []string{"Martin", "The Fresh Prince of Bel-Air", "I Stank Horse", "Max", "Nicky"},
		known: []string{"notfilm:The Fresh Prince of Bel-Air", "cast:Martin Lawrence=Marcus Burnett", "cast:Will Smith=Mike Lowrey",
			"quote:Bad Boys, huh?|Will"}},
	{file: "the-batman.html", format: "html", title: "The Batman", year: 2022, directors: []string{"Matt Reeves"},
		kinds: []film.SectionKind{"introduction", "characters"},
		cast: []film.CastPair{{Person: "Robert Pattinson", Character: "Bruce Wayne / Batman"}, {Person: "Zoë Kravitz", Character: "Selina Kyle / Catwoman"},
			{Person: "Paul Dano", Character: "Edward Nashton / Riddler"}, {Person: "Jeffrey Wright", Character: "James Gordon"},
			{Person: "John Turturro", Character: "Carmine Falcone"}, {Person: "Peter Sarsgaard", Character: "Gil Colson"},
			{Person: "Andy Serkis", Character: "Alfred Pennyworth"}, {Person: "Colin Farrell", Character: "Oswald \"Oz\" Cobblepot / Penguin"},
			{Person: "Jayme Lawson", Character: "Bella Reál"}, {Person: "Gil Perez-Abraham", Character: "Martinez"},
			{Person: "Peter McDonald", Character: "William Kenzie"}, {Person: "Alex Ferns", Character: "Pete Savage"},
			{Person: "Rupert Penry-Jones", Character: "Don Mitchell Jr."}, {Person: "Barry Keoghan", Character: "Joker"},
			{Person: "Hana Hrzic", Character: "Annika"}, {Person: "Sandra Dickinson", Character: "Dory"}},
		quotes:   [][2]string{{"figuring out who she is", "Zoë Kravitz"}},
		facts:    []string{"release_date=March 1 2022", "gross=$770million", "budget=$185–200million"},
		notFacts: []string{"budget=$770million"},
		notFilms: []string{"Unseen Arkham Prisoner"},
		known:    []string{"cast:Rupert Penry-Jones=Don Mitchell Jr.", "fact:budget=$185–200million", "cast:Barry Keoghan=Joker"}},
	{file: "spider-man-1977-films.html", format: "html", title: "Spider-Man", year: 1977, directors: []string{"E. W. Swackhamer"},
		kinds: []film.SectionKind{"introduction", "other"},
		cast: []film.CastPair{{Person: "David White", Character: "J. Jonah Jameson"}, {Person: "Jeff Donnell", Character: "May Parker"},
			{Person: "Noboru Nakaya", Character: "Jūzō Mamiya"}},
		facts:    []string{"release_date=September 14 1977"},
		films:    []string{"Spider-Man Strikes Back", "Spider-Man: The Dragon's Challenge"},
		notFilms: []string{"The Amazing Spider-Man", "Deadly Dust", "The Chinese Web"},
		known:    []string{"notfilm:Deadly Dust", "notfilm:The Chinese Web"}},
	{file: "actresses-1997.wiki", format: "wikitext", title: "Actresses", year: 1997, directors: []string{"Ventura Pons"},
		kinds: []film.SectionKind{"introduction", "synopsis", "characters", "other"},
		cast: []film.CastPair{{Person: "Núria Espert", Character: "Glòria Marc"}, {Person: "Rosa Maria Sardà", Character: "Assumpta Roca"},
			{Person: "Anna Lizaran", Character: "Maria Caminal"}, {Person: "Mercè Pons", Character: "Estudiant"}},
		quotes: [][2]string{{"competent in roles", "Christopher Tookey"}, {"is visually unimaginative", "Christopher Tookey"},
			{"slow, stuffy chamber-piece", "The Guardian"}, {"best moments exhibit", "The Evening Standard"}, {"This cinematic adaptation", "MRQE"}},
		facts:    []string{"runtime=100 minutes", "festival=Stockholm International Film Festival", "country=Spain", "award_won=Best Catalan Film", "award_nominated=Best Screenplay"},
		films:    []string{"All About Eve", "Rashomon"},
		notFilms: []string{"Movie - Film - Review", "The Evening Standard", "The Guardian", "Best Catalan Film", "Best Screenplay"},
		refs:     2,
		known: []string{"film:All About Eve", "film:Rashomon", "notfilm:Movie - Film - Review", "quote:slow, stuffy chamber-piece|The Guardian",
			"fact:award_won=Best Catalan Film", "fact:award_nominated=Best Screenplay"}},
	{file: "actresses-1997-plaintext.txt", format: "text", title: "Actresses", year: 1997, directors: []string{"Ventura Pons"},
		kinds: []film.SectionKind{"introduction", "synopsis", "other"},
		cast: []film.CastPair{{Person: "Núria Espert", Character: "Glòria Marc"}, {Person: "Rosa Maria Sardà", Character: "Assumpta Roca"},
			{Person: "Anna Lizaran", Character: "Maria Caminal"}},
		quotes: [][2]string{{"competent in roles", "Christopher Tookey"}, {"is visually unimaginative", "Christopher Tookey"},
			{"best moments exhibit", "The Evening Standard"}, {"This cinematic adaptation", "MRQE"}},
		facts:    []string{"festival=Stockholm International Film Festival"},
		notFilms: []string{"Movie - Film - Review", "The Evening Standard", "The Guardian"},
		known:    []string{"notfilm:Movie - Film - Review", "kinds"}},
	{file: "actrius-2013.wiki", format: "wikitext", title: "Actrius", year: 1996, directors: []string{"Ventura Pons"},
		kinds: []film.SectionKind{"introduction", "synopsis"},
		cast: []film.CastPair{{Person: "Núria Espert", Character: "Glòria Marc"}, {Person: "Rosa Maria Sardà", Character: "Assumpta Roca"},
			{Person: "Anna Lizaran", Character: "Maria Caminal"}},
		facts: []string{"country=United States"},
		refs:  1,
		known: []string{}},
	{file: "the-stranger-1920.wiki", format: "wikitext", title: "The Stranger", year: 1920,
		kinds: []film.SectionKind{"introduction", "characters"},
		facts: []string{"runtime=20 minutes", "country=United States"},
		known: []string{"kinds", "fact:runtime=20 minutes", "fact:country=United States"}},
	{file: "everything-relative-lead.wiki", format: "wikitext", title: "Everything Relative", year: 1996, directors: []string{"Sharon Pollack"},
		kinds:    []film.SectionKind{"introduction"},
		facts:    []string{"festival=Sundance Film Festival"},
		films:    []string{"The Big Chill", "Return of the Secaucus Seven"},
		notFilms: []string{"San Francisco Chronicle"},
		known:    []string{"film:Return of the Secaucus Seven"}},
	{file: "ohmss-lead.wiki", format: "wikitext", title: "On Her Majesty's Secret Service", year: 1969,
		kinds:    []film.SectionKind{"introduction"},
		cast:     []film.CastPair{{Person: "George Lazenby", Character: "James Bond"}},
		films:    []string{"You Only Live Twice"},
		notFilms: []string{"James Bond"},
		known:    []string{"cast:George Lazenby=James Bond"}},
	{file: "godfather-part-ii-lead.txt", format: "text", title: "The Godfather Part II", year: 1974, directors: []string{"Francis Ford Coppola"},
		kinds: []film.SectionKind{"introduction"},
		cast:  []film.CastPair{{Person: "Al Pacino", Character: "Michael Corleone"}, {Person: "Robert De Niro", Character: "Vito Corleone"}},
		films: []string{"The Godfather"},
		known: []string{"cast:Robert De Niro=Vito Corleone", "film:The Godfather"}},
	{file: "godfather-part-iii-lead.txt", format: "text", title: "The Godfather Part III", year: 1990, directors: []string{"Francis Ford Coppola"},
		kinds: []film.SectionKind{"introduction"},
		films: []string{"The Godfather", "The Godfather Part II"},
		known: []string{}},
	{file: "96th-academy-awards.md", format: "markdown",
		kinds: []film.SectionKind{"introduction", "other"},
		films: []string{"Oppenheimer", "Poor Things", "Killers of the Flower Moon", "The Zone of Interest", "American Fiction",
			"Anatomy of a Fall", "Barbie", "The Holdovers", "Godzilla Minus One", "Past Lives", "Gangs of New York", "The Irishman",
			"Maestro", "Rustin"},
		notFilms: []string{"Barbenheimer", "Monk", "Bayard_Rustin", "The_Holdovers"},
		known:    []string{"title", "kinds", "film:Oppenheimer", "film:Anatomy of a Fall", "film:The Holdovers", "film:Godzilla Minus One", "film:Gangs of New York", "film:The Irishman", "notfilm:Bayard_Rustin", "notfilm:The_Holdovers"}},
	{file: "28-days-later-obsidian.md", format: "markdown", title: "28 Days Later", year: 2002, directors: []string{"Danny Boyle"},
		kinds:    []film.SectionKind{"introduction"},
		facts:    []string{"gross=$82.8 million", "budget=$8 million", "release_date=1 November 2002"},
		notFacts: []string{"budget=$82.8 million"},
		films:    []string{"28 Weeks Later", "28 Years Later"},
		notFilms: []string{"The Day of the Triffids", "28 Days Later: The Aftermath", "Godspeed You! Black Emperor", "Genres"},
		known:    []string{"film:28 Weeks Later", "film:28 Years Later"}},
	{file: "king-richard-lead.md", format: "markdown", title: "King Richard", year: 2021, directors: []string{"Reinaldo Marcus Green"},
		kinds: []film.SectionKind{"introduction", "characters"},
		cast: []film.CastPair{{Person: "Will Smith", Character: "Richard Williams"}, {Person: "Aunjanue Ellis", Character: "Oracene \"Brandy\" Price"},
			{Person: "Saniyya Sidney", Character: "Venus Williams"}, {Person: "Demi Singleton", Character: "Serena Williams"},
			{Person: "Jon Bernthal", Character: "Rick Macci"}, {Person: "Tony Goldwyn", Character: "Paul Cohen"},
			{Person: "Mikayla LaShae Bartholomew", Character: "Tunde Price"}},
		notFacts: []string{"release_date=February 8 2022", "release_date=February 8, 2022"},
		notFilms: []string{"Venus", "Serena Williams", "Blu-ray"},
		known:    []string{}},
	{file: "leaving-las-vegas-extract.txt", format: "wikitext", title: "Leaving Las Vegas", year: 1995, directors: []string{"Mike Figgis"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production", "other", "reception"},
		cast: []film.CastPair{{Person: "Nicolas Cage", Character: "Ben Sanderson"}, {Person: "Elisabeth Shue", Character: "Sera"},
			{Person: "Julian Sands", Character: "Yuri Butsov"}},
		quotes: [][2]string{{"Powered by the Oscar-winning", "Rotten Tomatoes"}, {"they represent a triumph", "Roger Ebert"}},
		facts: []string{"release_date=October 27 1995", "gross=$32 million", "award_won=Academy Award for Best Actor",
			"award_won=Golden Globe Award for Best Actor", "award_nominated=Academy Award for Best Adapted Screenplay",
			"award_nominated=Academy Award for Best Director"},
		notFacts: []string{"release_date=January 22 2002", "release_date=February 3 2004"},
		notFilms: []string{"Angel Eyes", "Siskel & Ebert", "Leaving Las Vegas"},
		known:    []string{}},
	{file: "the-seventh-seal-passages.txt", format: "text", title: "The Seventh Seal", year: 1957, directors: []string{"Ingmar Bergman"},
		kinds:    []film.SectionKind{"introduction"},
		cast:     []film.CastPair{{Person: "Max von Sydow", Character: "Antonius Block"}, {Person: "Bengt Ekerot", Character: "Death"}},
		quotes:   [][2]string{{"Narratively bold and visually striking", "Rotten Tomatoes"}},
		facts:    []string{"award_won=Special Jury Prize", "festival=Cannes Film Festival"},
		films:    []string{"Smiles of a Summer Night"},
		notFilms: []string{"Cahiers du Cinéma", "The Criterion Collection", "Internet Archive"},
		known:    []string{"film:Smiles of a Summer Night"}},
	{file: "the-island-1980-window.txt", format: "text", title: "", year: 0,
		kinds: []film.SectionKind{"introduction", "other", "box_office", "reception"},
		quotes: [][2]string{{"[an] Absolutely awful thriller", "Leonard Maltin"}, {"the most normal guy on the island", "Leonard Maltin"},
			{"dark and witty, with gruesome violence", "Donald Guarisco"}},
		facts:    []string{"gross=$15 million", "budget=$22 million"},
		notFacts: []string{"budget=$15 million", "release_date=July 27 2011", "release_date=December 11 2012"},
		notFilms: []string{"Angela Punch McGregor", "Cinema Papers", "Los Angeles Times"},
		known:    []string{"title"}},
}

// realChecks runs every check of one article and returns the keys that
// failed and the number run.
func realChecks(d *film.Dossier, tt realArticle) (failed []string, total int) {
	check := func(key string, ok bool) {
		total++
		if !ok {
			failed = append(failed, key)
		}
	}
	check("format", d.Format == tt.format)
	check("title", strings.EqualFold(d.Film.Title, tt.title))
	check("year", d.Film.Year == tt.year)
	check("directors", strings.Join(d.Film.Directors, ", ") == strings.Join(tt.directors, ", "))
	var kinds []string
	for _, s := range d.Sections {
		kinds = append(kinds, string(s.Kind))
	}
	var wantKinds []string
	for _, k := range tt.kinds {
		wantKinds = append(wantKinds, string(k))
	}
	check("kinds", strings.Join(kinds, ",") == strings.Join(wantKinds, ","))
	for _, want := range tt.cast {
		found := false
		for _, p := range d.Cast {
			found = found || p.Person == want.Person && p.Character == want.Character
		}
		check("cast:"+want.Person+"="+want.Character, found)
	}
	for _, want := range tt.quotes {
		found := false
		for _, q := range d.Quotes {
			if !strings.HasPrefix(q.Text, want[0]) {
				continue
			}
			if want[1] == "" {
				found = found || q.Speaker == "" && q.Source == ""
			} else {
				found = found || q.Speaker == want[1] || q.Source == want[1]
			}
		}
		check("quote:"+want[0]+"|"+want[1], found)
	}
	have := map[string]bool{}
	for _, f := range d.Facts {
		have[f.Kind+"="+f.Value] = true
	}
	for _, f := range tt.facts {
		check("fact:"+f, have[f])
	}
	for _, f := range tt.notFacts {
		check("notfact:"+f, !have[f])
	}
	listed := map[string]bool{}
	for _, f := range d.Mentions.Films {
		listed[f] = true
	}
	for _, f := range tt.films {
		check("film:"+f, listed[f])
	}
	for _, f := range tt.notFilms {
		check("notfilm:"+f, !listed[f])
	}
	check("refs", len(d.References) >= tt.refs)
	return failed, total
}

// TestRealCorpus parses every article of the real corpus and scores it
// against what a reader finds in it. A check that fails and is not in
// the article's known list fails the test; so does a known miss the
// parser now gets right, so that the list is kept true.
func TestRealCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*"))
	listed := map[string]bool{"NOTICE.md": true}
	var scores []string
	for _, tt := range realArticles {
		listed[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "real", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(tt.file, src, nil)
			if err != nil {
				t.Fatalf("Parse refused a real article: %v", err)
			}
			failed, total := realChecks(d, tt)
			known := map[string]bool{}
			for _, k := range tt.known {
				known[k] = true
			}
			for _, f := range failed {
				if !known[f] {
					t.Errorf("check %s fails (not a known miss)", f)
				}
				delete(known, f)
			}
			for k := range known {
				t.Errorf("known miss %s now passes: take it out of known", k)
			}
			scores = append(scores, fmt.Sprintf("%-32s %3d/%3d", tt.file, total-len(failed), total))
		})
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s has no expectations in realArticles", f)
		}
	}
	sort.Strings(scores)
	t.Logf("real corpus scores (checks passed/run):\n%s", strings.Join(scores, "\n"))
}
