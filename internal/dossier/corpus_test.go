package dossier

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"marquee/internal/film"
)

// sec is the outline of one section: kind, heading, sub-section labels.
type sec struct {
	Kind    film.SectionKind
	Heading string
	Subs    []string
}

// quote is a quotation's opening words, speaker and source.
type quote struct{ Start, Speaker, Source string }

// want is what a reader sees in a corpus article, written by hand.
type want struct {
	file      string
	title     string
	year      int
	directors []string
	outline   []sec
	faq       []film.FAQ
	cast      []film.CastPair
	quotes    []quote
	films     []string // must all be among the mentioned films
	people    []string // must all be among the mentioned people
	places    []string
	pubs      []string
}

var corpus = []want{{
	file: "red-rocket.txt", title: "Red Rocket", directors: []string{"Sean Baker"},
	outline: []sec{
		{"introduction", "Introduction to “Red Rocket”", nil},
		{"synopsis", "Plot Synopsis", []string{"Setting and Background", "Main Characters Introduction"}},
		{"plot", "Plot Summary", nil},
		{"themes", "Themes and Motifs", []string{"Exploration of Themes Within the Movie", "Key Motifs and Symbols"}},
		{"characters", "Character Analysis", []string{"Main Character Analysis", "Supporting Characters and Their Significance"}},
		{"cinematography", "Cinematography and Visuals", []string{"Examination of the Film’s Visual Elements", "Use of Color, Lighting, and Framing"}},
		{"sound", "Soundtrack and Sound Design", []string{"Impact of Music on the Movie’s Atmosphere", "Sound Effects and Their Role"}},
		{"reception", "Critical Reception", []string{"Reviews from Critics", "Audience Reactions"}},
		{"impact", "Impact and Significance", []string{"Cultural Relevance", "Influence on the Film Industry"}},
		{"comparisons", "Comparison to Other Films", []string{"Similarities and Differences with Other Movies", "Unique Aspects of “Red Rocket”"}},
		{"controversies", "Controversies and Debates", []string{"Controversial Themes or Scenes", "Public Discussions Surrounding the Movie"}},
		{"production", "Behind the Scenes", []string{"Production Insights", "Challenges Faced During Filming"}},
		{"vision", "Director’s Vision", []string{"Director’s Intentions and Goals", "Interview Snippets or Quotes"}},
		{"box_office", "Box Office Performance", []string{"Financial Success or Failure", "Box Office Numbers and Rankings"}},
		{"fan_theories", "Fan Theories and Speculations", []string{"Popular Theories Among Fans", "Unanswered Questions and Interpretations"}},
		{"conclusion", "", nil},
		{"faq", "", nil},
	},
	faq:    faqRedRocket,
	cast:   []film.CastPair{{Person: "Simon Rex", Character: "Mikey Saber"}},
	quotes: []quote{{"It was important to me", "Sean Baker", "IndieWire"}},
	films:  []string{"The Florida Project", "Tangerine"},
	people: []string{"Sean Baker", "Simon Rex"},
	places: []string{"Texas"},
	pubs:   []string{"IndieWire"},
}, {
	file: "tangerine.txt", title: "Tangerine", year: 2015, directors: []string{"Sean Baker"},
	outline: []sec{
		{"introduction", "Introduction to “Tangerine”", nil},
		{"synopsis", "Plot Synopsis", []string{"Setting and Background", "Main Characters Introduction"}},
		{"plot", "Plot Summary", []string{"Opening Act", "Rising Action", "Climax and Resolution"}},
		{"themes", "Themes and Motifs", []string{"Central Themes Explored", "Key Motifs and Symbols"}},
		{"characters", "Character Analysis", []string{"Protagonist Analysis", "Supporting Characters", "Character Development"}},
		{"cinematography", "Cinematography and Visuals", []string{"Visual Style and Techniques", "Use of Color and Lighting"}},
		{"sound", "Soundtrack and Sound Design", []string{"Musical Score", "Sound Design Elements"}},
		{"reception", "Critical Reception", []string{"Reviews from Critics", "Awards and Recognition"}},
		{"impact", "Impact and Significance", []string{"Cultural Impact", "Influence on Independent Cinema"}},
		{"comparisons", "Comparison to Other Films", []string{"Similar Films", "Distinctive Elements"}},
		{"controversies", "Controversies and Debates", []string{"Representation Debates", "Public Discourse"}},
		{"production", "Behind the Scenes", []string{"Production Challenges", "Casting Process"}},
		{"vision", "Director’s Vision", []string{"Director’s Intentions", "Interview Snippets or Quotes"}},
		{"box_office", "Box Office Performance", nil},
		{"fan_theories", "Fan Theories and Speculations", []string{"Popular Fan Theories", "Unanswered Questions"}},
		{"conclusion", "", nil},
		{"faq", "", nil},
	},
	faq: faqTangerine,
	cast: []film.CastPair{
		{Person: "Kitana Kiki Rodriguez", Character: "Sin-Dee Rella"},
		{Person: "Mya Taylor", Character: "Alexandra"},
		{Person: "James Ransone", Character: "Chester"},
		{Person: "Mickey O’Hagan", Character: "Dinah"},
		{Person: "Karren Karagulian", Character: "Razmik"},
		{Person: "Alla Tumanian", Character: "Ashken"},
		{Person: "Shih-Ching Tsou", Character: "Mamasan"},
	},
	quotes: []quote{
		{"Everything that’s in the movie", "Mya Taylor", "Associated Press"},
		{"It’s a very chaotic area.", "Sean Baker", "Associated Press"},
		{"I remember the day", "Sean Baker", "Film Journal International"},
	},
	films:  []string{"Unsane", "The Florida Project", "Anora", "Paris Is Burning", "Starlet", "Red Rocket"},
	people: []string{"Sean Baker", "Chris Bergoch", "Mya Taylor", "Kitana Kiki Rodriguez", "Radium Cheung", "Steven Soderbergh", "Jennie Livingston"},
	places: []string{"Hollywood", "Los Angeles", "Santa Monica Boulevard", "Highland Avenue"},
	pubs:   []string{"Associated Press", "Film Journal International"},
}, {
	file: "the-florida-project.md", title: "The Florida Project", year: 2017, directors: []string{"Sean Baker"},
	outline: []sec{
		{"introduction", "", nil},
		{"synopsis", "Synopsis", []string{"Setting", "Who's Who"}},
		{"plot", "Plot", []string{"Summer at the Magic Castle", "The Final Act"}},
		{"themes", "Themes and Symbolism", []string{"Childhood as a Kingdom", "The Shadow of Disney", "Motherhood Under Pressure"}},
		{"characters", "Character Analysis", []string{"Moonee", "Halley", "Bobby Hicks"}},
		{"cinematography", "Visual Style", []string{"Shooting on 35mm", "The iPhone Finale"}},
		{"sound", "Music and Sound", nil},
		{"reception", "Reception", []string{"Critics", "Awards"}},
		{"impact", "Impact", nil},
		{"comparisons", "Comparisons with Other Films", nil},
		{"controversies", "Controversies", nil},
		{"production", "Production", []string{"Casting", "Shooting at a Real Motel"}},
		{"vision", "The Director's Vision", nil},
		{"box_office", "Box Office", nil},
		{"conclusion", "Final Thoughts", nil},
		{"faq", "Frequently Asked Questions", nil},
	},
	faq: faqFlorida,
	cast: []film.CastPair{
		{Person: "Brooklynn Prince", Character: "Moonee"},
		{Person: "Bria Vinaite", Character: "Halley"},
		{Person: "Willem Dafoe", Character: "Bobby Hicks"},
		{Person: "Valeria Cotto", Character: "Jancey"},
		{Person: "Christopher Rivera", Character: "Scooty"},
		{Person: "Mela Murder", Character: "Ashley"},
		{Person: "Caleb Landry Jones", Character: "Jack"},
	},
	quotes: []quote{
		{"I felt like, if I'm flying", "Sean Baker", "Deadline"},
		{"I want audiences to go in there", "Sean Baker", "Variety"},
	},
	films:  []string{"Tangerine", "Beasts of the Southern Wild", "American Honey", "The Little Rascals"},
	people: []string{"Sean Baker", "Willem Dafoe", "Alexis Zabé", "Andrea Arnold"},
	places: []string{"Florida", "Los Angeles"},
	pubs:   []string{"Deadline", "Variety"},
}}

func TestParseCorpus(t *testing.T) {
	for _, w := range corpus {
		t.Run(w.file, func(t *testing.T) {
			d := parseFile(t, filepath.Join("testdata", "corpus", w.file))
			f := d.Film
			if diff := cmp.Diff(film.DossierFilm{Slug: film.FilmSlug(w.title, w.year), Title: w.title, Year: w.year, Directors: w.directors}, f); diff != "" {
				t.Errorf("film (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.outline, outlineOf(d)); diff != "" {
				t.Errorf("outline (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.faq, stripLines(d.FAQ)); diff != "" {
				t.Errorf("FAQ (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.cast, d.Cast); diff != "" {
				t.Errorf("cast (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(w.quotes, quotesOf(d, w.quotes)); diff != "" {
				t.Errorf("quotes (-want +got):\n%s", diff)
			}
			for _, c := range []struct {
				kind      string
				want, got []string
			}{{"films", w.films, d.Mentions.Films}, {"people", w.people, d.Mentions.People},
				{"places", w.places, d.Mentions.Places}, {"publications", w.pubs, d.Mentions.Publications}} {
				if missing := missingFrom(c.want, c.got); len(missing) > 0 {
					t.Errorf("%s: missing %q from %q", c.kind, missing, c.got)
				}
			}
			if len(d.Noise) != 0 || len(d.Warnings) != 0 {
				t.Errorf("noise %v, warnings %v; want none", d.Noise, d.Warnings)
			}
		})
	}
}

func parseFile(t *testing.T, path string) *film.Dossier {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(filepath.Base(path), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func outlineOf(d *film.Dossier) []sec {
	var out []sec
	for _, s := range d.Sections {
		o := sec{Kind: s.Kind, Heading: s.Heading}
		for _, sub := range s.Subsections {
			o.Subs = append(o.Subs, sub.Label)
		}
		out = append(out, o)
	}
	return out
}

func stripLines(faq []film.FAQ) []film.FAQ {
	out := make([]film.FAQ, len(faq))
	for i, f := range faq {
		out[i] = film.FAQ{Question: f.Question, Answer: f.Answer}
	}
	return out
}

// quotesOf cuts each quotation to the length of the wanted opening words.
func quotesOf(d *film.Dossier, want []quote) []quote {
	var out []quote
	for i, q := range d.Quotes {
		n := 20
		if i < len(want) {
			n = len(want[i].Start)
		}
		out = append(out, quote{q.Text[:min(n, len(q.Text))], q.Speaker, q.Source})
	}
	return out
}

func missingFrom(want, got []string) []string {
	have := map[string]bool{}
	for _, g := range got {
		have[g] = true
	}
	var missing []string
	for _, w := range want {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	return missing
}
