package dossier

import "marquee/internal/film"

// Eight real articles added in the sixth session, in shapes the first
// thirty lack: Wikipedia articles as a plain Markdown dump (bare heading
// lines, "_TITLE_" in capitals, "[n]" marks, image debris, an empty Cast
// section whose template was lost), MediaWiki exports with a two-column
// "[[Actor]] | as Role" cast table, a sortname cast table with a row per
// actor and many roles, a voice-cast table with rowspans, awards as
// "Award (Person)" lists, and two retrieval-corpus pages whose front
// matter names the site ("… - Wikipedia") and whose body is the
// infobox as "label: value" lines.
//
// The expectations were written by reading each article before the
// parser was run on it. Run unchanged (main at 2668e3d) the parser passed
// 122 of their 176 checks — the unseen figure; after the sixth session's
// fixes it passes 173 (docs/benchmarks.md, "Unseen real articles, sixth
// session"). known lists what it still misreads.
func init() {
	realArticles = append(realArticles, w6RealArticles...)
}

var w6RealArticles = []realArticle{
	{file: "taxi-driver-1976-abstract.md", format: "markdown", title: "Taxi Driver", year: 1976, directors: []string{"Martin Scorsese"},
		kinds:    []film.SectionKind{"introduction", "plot", "production", "sound", "controversies"},
		quotes:   [][2]string{{"When I was talking to the nurse", "Paul Schrader"}},
		facts:    []string{"award_won=Palme d'Or", "festival=Cannes Film Festival", "award_nominated=Best Picture"},
		films:    []string{"The Godfather Part II", "The Wrong Man", "A Bigger Splash", "The Searchers", "Alice Doesn't Live Here Anymore", "The Exorcist", "Star Wars", "Raging Bull"},
		notFilms: []string{"Sight & Sound", "Nausea", "Scorsese on Scorsese", "American Bandstand", "Late for the Sky", "Tomorrow"},
		known:    []string{"notfilm:Scorsese on Scorsese"}},
	{file: "citizen-kane-1941-abstract.md", format: "markdown", title: "Citizen Kane", year: 1941, directors: []string{"Orson Welles"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production"},
		cast: []film.CastPair{{Person: "Joseph Cotten", Character: "Jedediah Leland"}, {Person: "Dorothy Comingore", Character: "Susan Alexander Kane"},
			{Person: "Agnes Moorehead", Character: "Mary Kane"}, {Person: "Ruth Warrick", Character: "Emily Monroe Norton Kane"},
			{Person: "Ray Collins", Character: "Jim W. Gettys"}, {Person: "Erskine Sanford", Character: "Herbert Carter"},
			{Person: "Everett Sloane", Character: "Mr. Bernstein"}, {Person: "William Alland", Character: "Jerry Thompson"},
			{Person: "Paul Stewart", Character: "Raymond"}, {Person: "George Coulouris", Character: "Walter Parks Thatcher"},
			{Person: "Fortunio Bonanova", Character: "Signor Matiste"}, {Person: "Harry Shannon", Character: "Jim Kane"},
			{Person: "Sonny Bupp", Character: "Charles Foster Kane III"}, {Person: "Orson Welles", Character: "Charles Foster Kane"}},
		quotes: [][2]string{{"Although the possibility of making huge amounts", "Frank Brady"}, {"The simple fact seems to be", "Robert L. Carringer"},
			{"They are laying bets", "The Hollywood Reporter"}},
		facts:    []string{"award_won=Academy Award for Best Writing (Original Screenplay)"},
		notFacts: []string{"release_date=September 13 2011", "budget=$500,000"},
		films:    []string{"Wuthering Heights"},
		notFilms: []string{"Sight & Sound", "The Mercury Theatre on the Air", "News on the March", "The Inquirer", "The Hollywood Reporter"},
		known:    []string{"notfilm:The Mercury Theatre on the Air"}},
	{file: "psycho-1960-abstract.md", format: "markdown", title: "Psycho", year: 1960, directors: []string{"Alfred Hitchcock"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production"},
		cast: []film.CastPair{{Person: "Anthony Perkins", Character: "Norman Bates"}, {Person: "Janet Leigh", Character: "Marion Crane"},
			{Person: "Vera Miles", Character: "Lila Crane"}, {Person: "John Gavin", Character: "Sam Loomis"},
			{Person: "Martin Balsam", Character: "Private Investigator Milton Arbogast"}, {Person: "John McIntire", Character: "Deputy Sheriff Al Chambers"},
			{Person: "Simon Oakland", Character: "Dr. Fred Richman"}, {Person: "Pat Hitchcock", Character: "Caroline"},
			{Person: "Francis De Sales", Character: "Deputy District Attorney Alan Deats"}, {Person: "Ted Knight", Character: "Police Guard"}},
		facts:    []string{"budget=$807,000", "award_nominated=Best Director"},
		notFacts: []string{"budget=$9,500", "budget=$40,000"},
		films:    []string{"North by Northwest"},
		notFilms: []string{"Criminals at Large"},
		known:    []string{}},
	{file: "lost-city-of-z-retrieval.md", format: "markdown", title: "The Lost City of Z", year: 0, directors: []string{"James Gray"},
		kinds:    []film.SectionKind{"introduction"},
		notFilms: []string{"Wikipedia"},
		known:    []string{}},
	{file: "monte-carlo-2011-retrieval.md", format: "markdown", title: "Monte Carlo", year: 2011, directors: []string{"Thomas Bezucha"},
		kinds: []film.SectionKind{"introduction"},
		known: []string{}},
	{file: "roman-holiday-1953-export.xml", format: "wikitext", title: "Roman Holiday", year: 1953, directors: []string{"William Wyler"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production", "reception", "other", "other"},
		cast: []film.CastPair{{Person: "Gregory Peck", Character: "Joe Bradley"}, {Person: "Eddie Albert", Character: "Irving Radovich"},
			{Person: "Hartley Power", Character: "Hennessy"}, {Person: "Margaret Rawlings", Character: "Countess Vereberg"},
			{Person: "Tullio Carminati", Character: "General Provno"}, {Person: "Paolo Carlini", Character: "Mario Delani"},
			{Person: "Claudio Ermelli", Character: "Giovanni"}, {Person: "Laura Solari", Character: "Secretary"},
			{Person: "Alfredo Rizzo", Character: "Taxi Driver"}, {Person: "Gorella Gori", Character: "Shoe Seller"}},
		facts: []string{"runtime=118 minutes", "country=United States", "budget=$1.5 million", "gross=$12 million",
			"award_won=Academy Award for Best Actress", "award_nominated=Academy Award for Best Picture"},
		films:    []string{"Charade", "Notting Hill", "Basta't Kasama Kita"},
		notFilms: []string{"Variety", "The Guardian", "AFI's 100 Years...100 Passions"},
		refs:     1,
		known:    []string{}},
	{file: "spirited-away-2001-export.xml", format: "wikitext", title: "Spirited Away", year: 2001, directors: []string{"Hayao Miyazaki"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production"},
		cast: []film.CastPair{{Person: "Rumi Hiiragi", Character: "Chihiro Ogino / Sen"}, {Person: "Daveigh Chase", Character: "Chihiro Ogino / Sen"},
			{Person: "Bunta Sugawara", Character: "Kamaji"}, {Person: "David Ogden Stiers", Character: "Kamaji"},
			{Person: "Yoomi Tamai", Character: "Lin"}, {Person: "Susan Egan", Character: "Lin"},
			{Person: "Mari Natsuki", Character: "Yubaba"}, {Person: "Mari Natsuki", Character: "Zeniba"},
			{Person: "Suzanne Pleshette", Character: "Zeniba"}, {Person: "Paul Eiding", Character: "Chichiyaku"},
			{Person: "Yasuko Sawaguchi", Character: "Yūko Ogino"}, {Person: "Michael Chiklis", Character: "Akio Ogino"}, {Person: "Tara Strong", Character: "Boh"}},
		quotes:   [][2]string{{"I created a heroine who is an ordinary girl", "Hayao Miyazaki"}},
		facts:    []string{"runtime=125 minutes", "country=Japan", "festival=Berlin International Film Festival", "award_won=Golden Bear", "release_date=20 July 2001"},
		films:    []string{"Titanic", "My Neighbor Totoro", "Kiki's Delivery Service"},
		notFilms: []string{"Nakayoshi", "Ribon"},
		known:    []string{"fact:award_won=Golden Bear"}},
	{file: "holy-grail-1975-export.xml", format: "wikitext", title: "Monty Python and the Holy Grail", year: 1975, directors: []string{"Terry Gilliam", "Terry Jones"},
		kinds: []film.SectionKind{"introduction", "plot", "characters", "production"},
		cast: []film.CastPair{{Person: "Graham Chapman", Character: "Arthur, King of the Britons"}, {Person: "John Cleese", Character: "Sir Lancelot the Brave"},
			{Person: "Terry Gilliam", Character: "Patsy"}, {Person: "Eric Idle", Character: "Sir Robin the Not-Quite-So-Brave-as-Sir-Lancelot"},
			{Person: "Terry Jones", Character: "Sir Bedevere the Wise"}, {Person: "Michael Palin", Character: "Sir Galahad the Pure"},
			{Person: "Carol Cleveland", Character: "Zoot"}, {Person: "Neil Innes", Character: "Leader of Robin's Minstrels"},
			{Person: "Bee Duffell", Character: "Old Crone"}, {Person: "John Cleese", Character: "Tim the Enchanter"}, {Person: "Michael Palin", Character: "Dennis"}},
		facts:    []string{"runtime=92 minutes", "country=United Kingdom", "budget=$400,000", "gross=$5 million"},
		notFacts: []string{"budget=£20,000"},
		films:    []string{"And Now for Something Completely Different"},
		notFilms: []string{"Monty Python's Flying Circus", "Spamalot", "Total Film", "Best in Film: The Greatest Movies of Our Time"},
		known:    []string{}},
}
