package dossier

import "marquee/internal/film"

// unseenArticles are written in the styles the parser is judged on but
// was not built from: each combines several (see the comment on each).
// The expectations are a careful reader's, written before the parser was
// changed to meet them.
var unseenArticles = []article{{
	// Wikipedia: lead without heading, bulleted "Actor as Character"
	// cast, ### sub-headings, an accolades table, a references list.
	file:     "roma-wikipedia.md",
	kinds:    []film.SectionKind{"introduction", "plot", "characters", "production", "other", "reception"},
	headings: map[int]string{0: "", 2: "Cast", 4: "Release"},
	subs:     map[int][]string{3: {"Development", "Filming"}, 5: {"Box office", "Critical response", "Accolades"}},
	// The references list is kept as data (Dossier.References), not noise.
	cast: []film.CastPair{{Person: "Yalitza Aparicio", Character: "Cleo"}, {Person: "Marina de Tavira", Character: "Sofía"},
		{Person: "Jorge Antonio Guerrero", Character: "Fermín"}, {Person: "Nancy García García", Character: "Adela"},
		{Person: "Fernando Grediaga", Character: "Antonio"}},
	quotes: []quote{{"I wanted to revisit", "Alfonso Cuarón", "The New York Times"}},
	title:  "Roma", year: 2018, directors: []string{"Alfonso Cuarón"},
}, {
	// Blog review: byline and date, category line, image and caption,
	// "Advertisement", "Related:", a "Verdict:" paragraph, a star rating,
	// share prompt and tags.
	file:     "lady-bird-blog.md",
	kinds:    []film.SectionKind{"introduction", "synopsis", "characters", "vision", "conclusion"},
	headings: map[int]string{0: "", 1: "The Story", 3: "Gerwig's Direction", 4: "Verdict"},
	noise:    9,
	cast: []film.CastPair{{Person: "Saoirse Ronan", Character: "Christine McPherson"},
		{Person: "Laurie Metcalf", Character: "Marion McPherson"}},
	quotes: []quote{{"I wanted to make a love letter", "Greta Gerwig", "Vulture"}},
	people: []string{"Sam Levy", "Jon Brion", "Timothée Chalamet"},
	title:  "Lady Bird", year: 2017, directors: []string{"Greta Gerwig"},
}, {
	// ALL CAPS numbered headings ending in colons, CRLF, a title line
	// with a colon, "Label: text" sub-sections, "Q." / "A." pairs,
	// "Actor (as Character)".
	file:      "fury-road-caps-crlf.txt",
	kinds:     []film.SectionKind{"introduction", "synopsis", "themes", "production", "other", "faq"},
	headings:  map[int]string{0: "INTRODUCTION", 4: "AWARDS AND NOMINATIONS"},
	subs:      map[int][]string{2: {"Bodily Autonomy", "Redemption"}, 3: {"Practical Effects", "Cinematography", "Music"}},
	faq:       3,
	questions: []string{"Do I need to see the earlier Mad Max films?", "Where was it filmed?", "Is there a prequel?"},
	cast: []film.CastPair{{Person: "Tom Hardy", Character: "Max Rockatansky"},
		{Person: "Charlize Theron", Character: "Imperator Furiosa"}},
	people: []string{"John Seale", "Margaret Sixel", "Tom Holkenborg", "Nico Lathouris"},
	title:  "MAD MAX: FURY ROAD", year: 2015, directors: []string{"George Miller"},
}, {
	// Setext headings, sections reordered (themes first), a soundtrack
	// table, an unknown "Trivia", bold questions with the answer on the
	// next line, curly quotes attributed after the quotation.
	file:     "portrait-setext.md",
	kinds:    []film.SectionKind{"introduction", "themes", "synopsis", "sound", "other", "faq"},
	headings: map[int]string{0: "", 3: "Soundtrack Listing", 4: "Trivia"},
	faq:      3,
	questions: []string{"Is Portrait of a Lady on Fire based on a true story?", "What does the page 28 scene mean?",
		"Where was it filmed?"},
	cast:   []film.CastPair{{Person: "Noémie Merlant", Character: "Marianne"}, {Person: "Adèle Haenel", Character: "Héloïse"}},
	quotes: []quote{{"I wanted to make a film about the birth", "Céline Sciamma", "The Guardian"}},
	title:  "Portrait of a Lady on Fire", year: 2019, directors: []string{"Céline Sciamma"},
}, {
	// Plain-text headings ending in colons, "Overview" first, an
	// unknown "Real Nomads", an untitled "Ultimately, …" conclusion,
	// "Question:" / "Answer:" pairs, "stars as" and "who plays".
	file:      "nomadland-colons.txt",
	kinds:     []film.SectionKind{"introduction", "synopsis", "other", "sound", "reception", "conclusion", "faq"},
	headings:  map[int]string{0: "Overview", 2: "Real Nomads", 5: ""},
	faq:       2,
	questions: []string{"Is Nomadland a documentary?", "Where was Nomadland filmed?"},
	cast:      []film.CastPair{{Person: "Frances McDormand", Character: "Fern"}, {Person: "David Strathairn", Character: "Dave"}},
	quotes:    []quote{{"It's a film about grief", "Chloé Zhao", "The Hollywood Reporter"}},
	people:    []string{"Ludovico Einaudi", "Jessica Bruder"},
	title:     "Nomadland", year: 2020, directors: []string{"Chloé Zhao"},
}, {
	// Numbered ATX headings, an unknown "Home Media", numbered questions
	// with indented "-" answers, "X plays Y", a quote with "said in an
	// interview with".
	file:      "drive-my-car-numbered.md",
	kinds:     []film.SectionKind{"introduction", "synopsis", "characters", "production", "other", "faq"},
	headings:  map[int]string{0: "Introduction", 4: "Home Media"},
	faq:       3,
	questions: []string{"How long is Drive My Car?", "Is it faithful to the Murakami story?", "Did it win an Oscar?"},
	cast: []film.CastPair{{Person: "Hidetoshi Nishijima", Character: "Yusuke Kafuku"}, {Person: "Toko Miura", Character: "Misaki Watari"},
		{Person: "Masaki Okada", Character: "Koji Takatsuki"}},
	quotes: []quote{{"The car is a space", "Ryusuke Hamaguchi", "Sight and Sound"}},
	title:  "Drive My Car", year: 2021, directors: []string{"Ryusuke Hamaguchi"},
}, {
	// Plain text, "Mark and Jay Duplass", "starring X, Y and Z", "X
	// plays Y", "cinematographer X", "composer X", "Cast and Crew",
	// "Legacy", "Q." / "A." pairs under "FAQ".
	file:  "cyrus-plain.txt",
	kinds: []film.SectionKind{"introduction", "plot", "characters", "reception", "impact", "faq"},
	faq:   2,
	cast: []film.CastPair{{Person: "John C. Reilly", Character: "John"}, {Person: "Marisa Tomei", Character: "Molly"},
		{Person: "Jonah Hill", Character: "Cyrus"}, {Person: "Catherine Keener", Character: "Jamie"}},
	people: []string{"Mark Duplass", "Jay Duplass", "John C. Reilly", "Jonah Hill", "Marisa Tomei", "Jas Shelton",
		"Michael Andrews", "Catherine Keener", "Roger Ebert"},
	title: "Cyrus", year: 2010, directors: []string{"Mark Duplass", "Jay Duplass"},
}, {
	// Markdown with bold "Label:" sub-sections, a box-office table by
	// territory, bold questions with answers on the next line, one answer
	// in two paragraphs, "X's score".
	file:  "get-out-bold-faq.md",
	kinds: []film.SectionKind{"introduction", "plot", "themes", "reception", "box_office", "faq"},
	subs:  map[int][]string{2: {"The Sunken Place", "Liberal Racism"}},
	faq:   3,
	questions: []string{"Is Get Out based on a true story?", "Why does Chris pick cotton from the chair?",
		"Is there an alternate ending?"},
	cast: []film.CastPair{{Person: "Daniel Kaluuya", Character: "Chris Washington"},
		{Person: "Allison Williams", Character: "Rose Armitage"}},
	quotes: []quote{{"I wanted to make a movie about the lie", "Jordan Peele", "Variety"}},
	people: []string{"Michael Abels"},
	title:  "Get Out", year: 2017, directors: []string{"Jordan Peele"},
}, {
	// Hard-wrapped plain text, sections out of order with no
	// introduction, wrapped "Label: text" paragraphs, an unknown "Awards
	// and Nominations", an untitled "In the end, …" conclusion, no FAQ, a
	// quotation split by its attribution.
	file:     "minari-reordered-wrapped.txt",
	kinds:    []film.SectionKind{"reception", "production", "plot", "other", "conclusion"},
	headings: map[int]string{3: "Awards and Nominations", 4: ""},
	subs:     map[int][]string{1: {"Casting", "Music"}},
	quotes:   []quote{{"It's about the family", "Lee Isaac Chung", "NPR"}},
	people:   []string{"Emile Mosseri", "Steven Yeun"},
	title:    "MINARI", year: 2020,
}, {
	// Latin-1, a "Conclusion" heading, "Label: text" themes,
	// controversies, "Q:" / "A:" pairs.
	file:  "anatomy-latin1.txt",
	kinds: []film.SectionKind{"introduction", "synopsis", "characters", "themes", "controversies", "conclusion", "faq"},
	subs:  map[int][]string{3: {"Truth and Narrative", "Marriage"}},
	faq:   2, warnings: 1,
	cast: []film.CastPair{{Person: "Sandra Hüller", Character: "Sandra Voyter"}, {Person: "Milo Machado-Graner", Character: "Daniel"},
		{Person: "Swann Arlaud", Character: "Vincent"}},
	title: "Anatomy of a Fall", year: 2023, directors: []string{"Justine Triet"},
}, {
	// SEO "everything you need to know": a long title, "Last updated",
	// H2 question headings as the FAQ with no FAQ heading, a cast list.
	file:  "parasite-seo.md",
	kinds: []film.SectionKind{"introduction", "plot", "characters", "themes", "faq"},
	faq:   4, noise: 2,
	questions: []string{"Is Parasite Based on a True Story?", "What Does the Ending of Parasite Mean?",
		"Where Can I Watch Parasite?", "Is There a Parasite TV Series?"},
	cast: []film.CastPair{{Person: "Song Kang-ho", Character: "Kim Ki-taek"}, {Person: "Choi Woo-shik", Character: "Kim Ki-woo"},
		{Person: "Park So-dam", Character: "Kim Ki-jung"}, {Person: "Lee Sun-kyun", Character: "Park Dong-ik"},
		{Person: "Cho Yeo-jeong", Character: "Park Yeon-kyo"}},
	title: "Parasite", year: 2019,
}, {
	// ATX headings ending in colons, "Story" and "Performances" as
	// synonyms, an unknown "Trivia", numbered questions with "*" answers,
	// "X (as Y)", "composer X", "cinematographer X".
	file:     "whiplash-star-bullets.md",
	kinds:    []film.SectionKind{"introduction", "synopsis", "characters", "sound", "other", "faq"},
	headings: map[int]string{1: "Story", 4: "Trivia"},
	faq:      3,
	cast: []film.CastPair{{Person: "Miles Teller", Character: "Andrew Neiman"},
		{Person: "J. K. Simmons", Character: "Terence Fletcher"}},
	people: []string{"Justin Hurwitz", "Sharone Meir", "Paul Reiser"},
	title:  "Whiplash", year: 2014, directors: []string{"Damien Chazelle"},
}, {
	// Setext headings with CRLF, a list under an unknown heading, an
	// untitled "Overall, …" conclusion, numbered questions with "-"
	// answers, one answer in two paragraphs, "X plays the linguist Y".
	file:      "arrival-setext-crlf.md",
	kinds:     []film.SectionKind{"introduction", "synopsis", "characters", "cinematography", "other", "conclusion", "faq"},
	headings:  map[int]string{4: "Awards and Nominations", 5: ""},
	faq:       2,
	questions: []string{"What is the twist in Arrival?", "Is Arrival based on a book?"},
	cast: []film.CastPair{{Person: "Amy Adams", Character: "Louise Banks"}, {Person: "Jeremy Renner", Character: "Ian Donnelly"},
		{Person: "Forest Whitaker", Character: "Colonel Weber"}, {Person: "Michael Stuhlbarg", Character: "Agent Halpern"}},
	people: []string{"Bradford Young", "Jóhann Jóhannsson", "Eric Heisserer"},
	title:  "Arrival", year: 2016, directors: []string{"Denis Villeneuve"},
}, {
	// SEO explainer: reviewer byline, "Published" date, reading time,
	// "- Advertisement -", "Story continues below advertisement", "Also
	// read:", synonyms with the title in front ("Her Plot Overview"),
	// "Cast & Characters", question headings as the FAQ followed by
	// "Final Thoughts".
	file:     "her-seo-final.md",
	kinds:    []film.SectionKind{"introduction", "synopsis", "characters", "production", "reception", "faq", "conclusion"},
	headings: map[int]string{3: "Filming Locations", 4: "Audience Response", 6: "Final Thoughts"},
	faq:      3, noise: 6,
	questions: []string{"Who Voices Samantha in Her?", "Is Her Based on a Book?", "Where Was Her Filmed?"},
	cast: []film.CastPair{{Person: "Joaquin Phoenix", Character: "Theodore Twombly"}, {Person: "Scarlett Johansson", Character: "Samantha"},
		{Person: "Amy Adams", Character: "Amy"}, {Person: "Rooney Mara", Character: "Catherine"}},
	quotes: []quote{{"It's about how we long", "Spike Jonze", "Rolling Stone"}},
	people: []string{"Hoyte van Hoytema"},
	title:  "Her", year: 2013,
}, {
	// Plain text with "About the Film", "The Story So Far", an unbulleted
	// cast list, an unknown "Release History", "Q1:" / "A1:" pairs under
	// "Common Questions About the Film", tags.
	file:     "eeaao-q1.txt",
	kinds:    []film.SectionKind{"introduction", "synopsis", "characters", "other", "sound", "faq"},
	headings: map[int]string{3: "Release History"},
	faq:      3, noise: 1,
	questions: []string{"What is the everything bagel?", "Why do they have hot dog fingers?", "Is there a sequel?"},
	cast: []film.CastPair{{Person: "Michelle Yeoh", Character: "Evelyn Wang"}, {Person: "Ke Huy Quan", Character: "Waymond Wang"},
		{Person: "Stephanie Hsu", Character: "Joy Wang"}, {Person: "Jamie Lee Curtis", Character: "Deirdre Beaubeirdre"},
		{Person: "James Hong", Character: "Gong Gong"}},
	title: "Everything Everywhere All at Once", year: 2022, directors: []string{"Daniel Kwan", "Daniel Scheinert"},
}, {
	// Bold-line headings and title, "Words by" byline, "Label: text"
	// sub-sections under an unknown heading, a curly quotation
	// attributed after it, an untitled "Overall, …" conclusion, bold
	// numbered questions.
	file:     "fallen-leaves-bold.md",
	kinds:    []film.SectionKind{"introduction", "synopsis", "other", "reception", "conclusion", "faq"},
	headings: map[int]string{2: "Style and Tone", 4: ""},
	subs:     map[int][]string{2: {"Deadpan", "Radio News"}},
	faq:      2, noise: 1,
	questions: []string{"Is Fallen Leaves part of a trilogy?", "What is the dog's name?"},
	cast:      []film.CastPair{{Person: "Alma Pöysti", Character: "Ansa"}, {Person: "Jussi Vatanen", Character: "Holappa"}},
	quotes:    []quote{{"I have always been a romantic", "Aki Kaurismäki", "Screen Daily"}},
	title:     "Fallen Leaves", year: 2023, directors: []string{"Aki Kaurismäki"},
}, {
	// ALL CAPS headings with no blank lines after them, CRLF, no title
	// line, a capitals byline, "date · reading time", a parenthesised photo
	// credit, a "Related Posts:" list, "WRAPPING UP", an unknown "STYLE",
	// questions and answers on one line.
	file:     "drive-caps-noise-crlf.txt",
	kinds:    []film.SectionKind{"introduction", "plot", "other", "conclusion", "faq"},
	headings: map[int]string{2: "STYLE", 3: "WRAPPING UP"},
	faq:      2, noise: 6,
	questions: []string{"Is Drive violent?", "Is Drive based on a book?"},
	people:    []string{"Ryan Gosling", "Carey Mulligan", "Oscar Isaac", "Newton Thomas Sigel", "Cliff Martinez", "James Sallis"},
	title:     "Drive", year: 2011, directors: []string{"Nicolas Winding Refn"},
}, {
	// An SEO headline with a subtitle, numbered ATX headings ending in
	// colons, emphasis inside a numbered heading, lettered sub-headings,
	// dash-led paragraphs, bold "Q:" / "A:" pairs, a "Conclusion:"
	// paragraph after the FAQ.
	file:      "lady-vengeance-numbered.md",
	kinds:     []film.SectionKind{"introduction", "synopsis", "themes", "faq", "conclusion"},
	headings:  map[int]string{0: "Introduction", 2: "Themes", 4: "Conclusion"},
	subs:      map[int][]string{1: {"Setting", "The Plan"}},
	faq:       2,
	questions: []string{"Is it part of a trilogy?", "Who plays Geum-ja?"},
	title:     "Sympathy for Lady Vengeance", year: 2005, directors: []string{"Park Chan-wook"},
}, {
	// Hard-wrapped plain text under an SEO headline with no year,
	// numbered questions with the answer on the next line, wrapped.
	file:      "burning-headline-wrapped.txt",
	kinds:     []film.SectionKind{"introduction", "plot", "faq"},
	faq:       2,
	questions: []string{"Did Ben kill Hae-mi?", "Is there really a cat?"},
	cast: []film.CastPair{{Person: "Yoo Ah-in", Character: "Jong-su"}, {Person: "Jeon Jong-seo", Character: "Hae-mi"},
		{Person: "Steven Yeun", Character: "Ben"}},
	title: "Burning", year: 2018, directors: []string{"Lee Chang-dong"},
}, {
	// A byte-order mark, CRLF, ALL CAPS headings, HTML entities left by a
	// scraper ("CAST &amp; CREW", "It&#8217;s"), a credits block of
	// "Director: Name" lines (labels, not headings), "QUESTIONS PEOPLE
	// ASK", numbered questions with tab-indented "-" answers.
	file:      "handmaiden-bom-entities.txt",
	kinds:     []film.SectionKind{"introduction", "characters", "synopsis", "faq"},
	headings:  map[int]string{1: "CAST & CREW"},
	subs:      map[int][]string{1: {"Director", "Music"}},
	faq:       2,
	questions: []string{"Is The Handmaiden based on a book?", "How long is it?"},
	cast:      []film.CastPair{{Person: "Kim Min-hee", Character: "Lady Hideko"}, {Person: "Kim Tae-ri", Character: "Sook-hee"}},
	title:     "THE HANDMAIDEN", year: 2016, directors: []string{"Park Chan-wook"},
}, {
	// Sections as ### under a # title, "The Story", "Kore-eda's Vision",
	// an unknown "Awards & Recognition" list, "Final Verdict: 5/5" as a
	// heading with a rating, "FAQs" with #### question headings, a
	// quotation told to "Sight & Sound".
	file:      "shoplifters-h3-verdict.md",
	kinds:     []film.SectionKind{"introduction", "synopsis", "vision", "other", "conclusion", "faq"},
	headings:  map[int]string{3: "Awards & Recognition", 4: "Final Verdict: 5/5"},
	faq:       2,
	questions: []string{"Is Shoplifters based on a true story?", "What happens to Shota?"},
	quotes:    []quote{{"I wanted to ask what makes", "Hirokazu Kore-eda", "Sight & Sound"}},
	people:    []string{"Lily Franky", "Sakura Ando", "Kirin Kiki"},
	title:     "Shoplifters", year: 2018, directors: []string{"Hirokazu Kore-eda"},
}, {
	// A rubric before the title ("PORTRAIT: …"), byline, date and
	// "Advertisement" straight under it with no blank lines, Roman
	// numeral ALL CAPS headings with the text on the next line, "Q:" /
	// "A:" pairs.
	file:     "lighthouse-roman-kicker.txt",
	kinds:    []film.SectionKind{"introduction", "synopsis", "other", "reception", "faq"},
	headings: map[int]string{0: "INTRODUCTION", 2: "THE LOOK OF THE FILM"},
	faq:      2, noise: 3,
	questions: []string{"Why is it in black and white?", "What is in the light?"},
	people:    []string{"Willem Dafoe", "Robert Pattinson", "Jarin Blaschke"},
	title:     "THE LIGHTHOUSE", year: 2019, directors: []string{"Robert Eggers"},
}}
